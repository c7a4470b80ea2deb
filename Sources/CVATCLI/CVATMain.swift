import ArgumentParser
import CVATKit
import Foundation

/// `cvat`: runs one command, then exits as cvat-cli does — 0 on success, 1 with a `CRITICAL`
/// line naming the server's message when a command fails, 2 with the usage when the command
/// line is wrong.
@main
enum CVATMain {
    static func main() async {
        do {
            var command = try CVATCommand.parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            switch CVATCommand.exitCode(for: error) {
            case .success:
                CVATCommand.exit(withError: error)  // --help, --version
            case .validationFailure:
                FileHandle.standardError.write(Data((CVATCommand.fullMessage(for: error) + "\n").utf8))
                exit(2)
            default:
                Log.critical(CommandFailure.describing(error).message)
                exit(1)
            }
        }
    }
}

/// The root command: the shared options, then a resource and an action.
struct CVATCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cvat",
        abstract: "Perform operations on CVAT resources.",
        discussion: """
            The Swift twin of cvat-cli 2.71: the same commands, options and output. \
            `task auto-annotate` runs the function as another process (--function-command) \
            instead of importing a Python module. Functions served by an agent (cvat-cli's \
            `function create-native`, `delete`, `run-agent`) are not here yet.
            """,
        version: CLIVersion.current,
        subcommands: [
            ConfigCommands.self, ProjectCommands.self, TaskCommands.self,
            Deprecated<TaskCreate>.self, Deprecated<ListCommand<TaskEntity>>.self,
            Deprecated<DeleteCommand<TaskEntity>>.self, Deprecated<TaskFrames>.self,
            Deprecated<ExportDatasetCommand<TaskEntity>>.self, Deprecated<ImportDatasetCommand<TaskEntity>>.self,
            Deprecated<BackupCommand<TaskEntity>>.self, Deprecated<CreateFromBackupCommand<TaskEntity>>.self,
            Deprecated<TaskAutoAnnotate>.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

enum CLIVersion {
    /// The cvat-cli release whose commands and options this tool follows.
    static let current = "2.71.0"
}
