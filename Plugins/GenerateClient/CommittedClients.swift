import Foundation
import PackagePlugin

/// What `generate-client` and `check-client` share: finding the targets whose client is
/// committed and running the generator for each. (This file is linked into both plugins:
/// SwiftPM plugins cannot share a library.)
///
/// A committed client's target holds `openapi.yaml` (`.yml`, `.json`) excluded from its
/// sources (a target whose document is among its sources uses the build-tool plugin); its
/// client goes to the target's `Generated/` folder, one file per declaration, with the target's
/// `specforge.yaml` if it has one.
enum CommittedClients {
    static let documentNames = ["openapi.yaml", "openapi.yml", "openapi.json"]

    /// Runs the generator for each committed-client target named by `--target` (every such
    /// target when none is named); `check` writes nothing and fails when the code has drifted.
    static func run(context: PluginContext, arguments: [String], check: Bool) throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        _ = extractor.extractFlag(named: "check")
        let targets: [any Target]
        do {
            targets = try names.isEmpty ? context.package.targets : context.package.targets(named: names)
        } catch {
            throw CommandError(explainMissingTargets(names, in: context.package) ?? "\(error)")
        }
        let tool = try context.tool(named: "specforge").url
        var generated = 0
        for case let target as SourceModuleTarget in targets {
            // The document is usually excluded from the target's sources (`exclude:
            // ["openapi.yaml", "specforge.yaml"]`), so it is looked for on disk, in the folders
            // that hold the target's sources and their parents within the package.
            guard let document = document(of: target, in: context.package.directoryURL) else { continue }
            // A document among the target's sources is the build-tool plugin's (which reads it
            // from there): that target's client is generated at build time, not committed.
            if target.sourceFiles.contains(where: { $0.url.standardizedFileURL == document }) { continue }
            let directory = document.deletingLastPathComponent()
            var arguments = [
                "generate", document.path(), "--output", directory.appending(path: "Generated").path(),
                "--module", target.name,
            ]
            if let configuration = ["specforge.yaml", "specforge.yml"].map({ directory.appending(path: $0) })
                .first(where: { FileManager.default.fileExists(atPath: $0.path()) })
            {
                arguments += ["--config", configuration.path()]
            }
            if check { arguments.append("--check") }
            print("\(target.name):")
            let process = try Process.run(tool, arguments: arguments)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw CommandError("specforge failed for target '\(target.name)' (exit \(process.terminationStatus))")
            }
            generated += 1
        }
        if generated == 0 {
            throw CommandError(
                explainMissingTargets(names, in: context.package)
                    ?? "no target holds an openapi.yaml, openapi.yml or openapi.json excluded from its sources"
            )
        }
    }

    /// A folder of `Sources/` with a document but no Swift file is not a target at all: SwiftPM
    /// drops it with a warning, so `--target` cannot name it and no plugin ever sees it. Say so.
    static func explainMissingTargets(_ names: [String], in package: Package) -> String? {
        let sources = package.directoryURL.appending(path: "Sources")
        let known = Set(package.targets.map(\.name))
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: sources.path())) ?? []
        let orphans = folders.sorted().filter { folder in
            guard !known.contains(folder), names.isEmpty || names.contains(folder) else { return false }
            let files =
                (try? FileManager.default.contentsOfDirectory(atPath: sources.appending(path: folder).path())) ?? []
            return files.contains(where: documentNames.contains) && !files.contains { $0.hasSuffix(".swift") }
        }
        guard let first = orphans.first else { return nil }
        return "Sources/\(first) holds an OpenAPI document but no Swift file, so SwiftPM does not build it as a "
            + "target (it only warns 'Source files for target \(first) should be located under …'). Add one Swift "
            + "file, for example Sources/\(first)/\(first).swift with `import SpecforgeRuntime`, and declare the "
            + "target in Package.swift."
    }

    static func document(of target: SourceModuleTarget, in package: URL) -> URL? {
        var folders = Set(target.sourceFiles.map { $0.url.deletingLastPathComponent().standardizedFileURL })
        for file in target.sourceFiles {
            var folder = file.url.deletingLastPathComponent().standardizedFileURL
            while folder.path().count > package.standardizedFileURL.path().count {
                folders.insert(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        // The deepest folder first: the target's own, not a parent's.
        for folder in folders.sorted(by: { $0.path().count > $1.path().count }) {
            for name in documentNames where FileManager.default.fileExists(atPath: folder.appending(path: name).path())
            {
                return folder.appending(path: name)
            }
        }
        return nil
    }
}

struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
