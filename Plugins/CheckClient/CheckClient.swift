import PackagePlugin

/// `swift package check-client [--target T]`, for CI: fails when a committed client differs
/// from what `generate-client` would write, naming the files (`new:`, `changed:`, `removed:`).
/// It writes nothing, so it needs no permission to write to the package directory.
@main
struct CheckClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        try CommittedClients.run(context: context, arguments: arguments, check: true)
    }
}
