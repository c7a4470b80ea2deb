import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-client [--target T] [--check]`
///
/// Writes the client of each target that holds `openapi.yaml` (`.yml`, `.json`), excluded from
/// its sources (a target whose document is among its sources uses the build-tool plugin), into
/// that target's `Generated/` folder, one file per declaration, with the target's `specforge.yaml`
/// if it has one: for teams that commit generated code, as this repository does with
/// `Generated/CVAT`. Files are written only when their content changes, and generated files
/// that are no longer produced are removed. `--check` writes nothing and fails when the
/// committed code has drifted. Prints the generator's summary.
@main
struct GenerateClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        let targets = try names.isEmpty ? context.package.targets : context.package.targets(named: names)
        let tool = try context.tool(named: "specforge").url
        var generated = 0
        for case let target as SourceModuleTarget in targets {
            // The document is usually excluded from the target's sources (`exclude:
            // ["openapi.yaml", "specforge.yaml"]`), so it is looked for on disk, in the folders
            // that hold the target's sources and their parents within the package.
            guard let document = Self.document(of: target, in: context.package.directoryURL) else { continue }
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
                "no target holds an openapi.yaml, openapi.yml or openapi.json excluded from its sources"
            )
        }
    }
}

extension GenerateClient {
    static let documentNames = ["openapi.yaml", "openapi.yml", "openapi.json"]

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
