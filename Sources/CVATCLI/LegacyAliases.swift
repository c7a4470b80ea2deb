import ArgumentParser
import CVAT
import CVATKit
import Foundation

// The seed's spellings from before resources were named (`cvat ls` = `cvat task ls`): the same
// arguments, a deprecation warning on standard error, then the task command.

/// A task command that also answers to its old name.
protocol LegacySpelling: ClientCommand {
    static var legacyName: String { get }
}

/// `cvat <old name> …`: warns as cvat-cli does, then runs `Command`.
struct Deprecated<Command: LegacySpelling>: ClientCommand {
    static var replacement: String { "task \(Command.configuration.commandName ?? "")" }

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Command.legacyName,
            abstract: "\(Command.configuration.abstract) (Deprecated; use \"\(replacement)\" instead.)"
        )
    }

    @OptionGroup var command: Command
    var global: GlobalOptions { command.global }
    var statusCheckPeriod: Double { command.statusCheckPeriod }

    func run(client: CVATClient) async throws {
        Log.warning("This command is deprecated. Use \"\(Self.replacement)\" instead.")
        try await command.run(client: client)
    }
}

extension TaskCreate: LegacySpelling { static var legacyName: String { "create" } }
extension ListCommand: LegacySpelling where Resource == TaskEntity { static var legacyName: String { "ls" } }
extension DeleteCommand: LegacySpelling where Resource == TaskEntity { static var legacyName: String { "delete" } }
extension TaskFrames: LegacySpelling { static var legacyName: String { "frames" } }
extension TaskAutoAnnotate: LegacySpelling { static var legacyName: String { "auto-annotate" } }
extension ExportDatasetCommand: LegacySpelling where Resource == TaskEntity {
    static var legacyName: String { "dump" }
}
extension ImportDatasetCommand: LegacySpelling where Resource == TaskEntity {
    static var legacyName: String { "upload" }
}
extension BackupCommand: LegacySpelling where Resource == TaskEntity { static var legacyName: String { "export" } }
extension CreateFromBackupCommand: LegacySpelling where Resource == TaskEntity {
    static var legacyName: String { "import" }
}
