import Foundation
import PackagePlugin

/// Generates a target's OpenAPI client during `swift build`.
///
/// The target holds `openapi.yaml` (or `.yml`, `.json`; any files it reaches by relative `$ref`
/// may sit beside it or in subfolders) and `specforge.yaml` (or `.yml`), the generator's
/// configuration. The client is written to the plugin's work folder and compiled into the target,
/// which depends on the `SpecforgeRuntime` product.
///
/// SwiftPM needs every output file's name before the document is read, so the client comes as
/// `ApiClient.swift` plus a fixed number of shard files (`Shard00.swift`, …): `shards: N` in the
/// configuration, 16 when it says nothing (measured: README, Performance). Each declaration's
/// shard is a hash of its name, so a change to the document rewrites, and the compiler
/// recompiles, only the shards whose declarations changed.
@main
struct SpecforgePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget,
            let document = target.sourceFiles.first(where: { ClientGeneration.isDocument($0.url) })
        else { return [] }
        let generation = ClientGeneration(directory: document.url.deletingLastPathComponent(), targetName: target.name)
        return try generation.commands(
            tool: try context.tool(named: "specforge").url,
            workDirectory: context.pluginWorkDirectoryURL
        )
    }
}

#if canImport(XcodeProjectPlugin)
    import XcodeProjectPlugin

    extension SpecforgePlugin: XcodeBuildToolPlugin {
        func createBuildCommands(context: XcodePluginContext, target: XcodeTarget) throws -> [Command] {
            guard
                let directory = target.inputFiles.first(where: { ClientGeneration.isDocument($0.url) })?.url
                    .deletingLastPathComponent()
            else { return [] }
            return try ClientGeneration(directory: directory, targetName: target.displayName).commands(
                tool: try context.tool(named: "specforge").url,
                workDirectory: context.pluginWorkDirectoryURL
            )
        }
    }
#endif

/// The generation command for one target folder.
struct ClientGeneration {
    static let documentNames = ["openapi.yaml", "openapi.yml", "openapi.json"]
    static let configurationNames = ["specforge.yaml", "specforge.yml"]
    /// Measured on 2 cores (README): fewer shards compile in fewer front-end jobs; more let a
    /// change recompile less.
    static let defaultShards = 16

    let directory: URL
    let targetName: String

    static func isDocument(_ url: URL) -> Bool {
        documentNames.contains(url.lastPathComponent)
    }

    func commands(tool: URL, workDirectory: URL) throws -> [Command] {
        let fileManager = FileManager.default
        let documents = Self.documentNames.map { directory.appending(path: $0) }
            .filter { fileManager.fileExists(atPath: $0.path()) }
        guard let document = documents.first else { return [] }
        guard documents.count == 1 else {
            throw PluginError("target '\(targetName)' has \(documents.map(\.lastPathComponent)); keep one")
        }
        let configuration = Self.configurationNames.map { directory.appending(path: $0) }
            .first { fileManager.fileExists(atPath: $0.path()) }
        let shards = try configuration.map(Self.shardCount(in:)) ?? Self.defaultShards
        let output = workDirectory.appending(path: "GeneratedSources")
        var arguments = [
            "generate", document.path(), "--output", output.path(), "--module", targetName, "--shards", String(shards),
        ]
        if let configuration { arguments += ["--config", configuration.path()] }
        return [
            .buildCommand(
                displayName: "Generating the \(targetName) client from \(document.lastPathComponent)",
                executable: tool,
                arguments: arguments,
                // Every document file in the target's folder, so that editing one that the
                // document reaches by `$ref` regenerates.
                inputFiles: schemaFiles() + (configuration.map { [$0] } ?? []),
                outputFiles: shardFileNames(count: shards).map { output.appending(path: $0) }
            )
        ]
    }

    /// `ApiClient.swift`, `Shard00.swift`, … (the generator's `OutputLayout.shardFileNames`).
    private func shardFileNames(count: Int) -> [String] {
        ["ApiClient.swift"] + (0..<count).map { "Shard" + ($0 < 10 ? "0" : "") + String($0) + ".swift" }
    }

    private func schemaFiles() -> [URL] {
        let extensions: Set<String> = ["yaml", "yml", "json"]
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension) && !Self.configurationNames.contains($0.lastPathComponent) }
            .sorted { $0.path() < $1.path() }
    }

    /// The configuration's top-level `shards: N`, read here because the output file names must
    /// be known before the generator runs (the generator checks the whole file again).
    static func shardCount(in configuration: URL) throws -> Int {
        let text = try String(contentsOf: configuration, encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("shards:") {
            let value = line.dropFirst("shards:".count).split(separator: "#").first ?? ""
            guard let count = Int(value.trimmingCharacters(in: .whitespaces)), (1...256).contains(count) else {
                throw PluginError("\(configuration.path()): 'shards' must be a number from 1 to 256")
            }
            return count
        }
        return defaultShards
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
