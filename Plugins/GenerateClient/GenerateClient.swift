import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-client [--target T]`
///
/// Writes the client of each target that holds `openapi.yaml` (`.yml`, `.json`) excluded from
/// its sources into that target's `Generated/` folder, one file per declaration: for teams that
/// commit generated code, as this repository does with `Generated/CVAT`. Files are written only
/// when their content changes, and generated files that are no longer produced are removed.
/// (`--check` is accepted too; `check-client` does the same without asking for permission to
/// write.) Prints the generator's summary.
@main
struct GenerateClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let check = arguments.contains("--check")
        try CommittedClients.run(context: context, arguments: arguments, check: check)
    }
}
