import ArgumentParser
import CVAT
import CVATKit
import Foundation

/// `cvat project …`.
struct ProjectCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Perform operations on CVAT projects.",
        subcommands: [
            ListCommand<ProjectEntity>.self, ProjectCreate.self, DeleteCommand<ProjectEntity>.self,
            BackupCommand<ProjectEntity>.self, CreateFromBackupCommand<ProjectEntity>.self,
            ExportDatasetCommand<ProjectEntity>.self, ImportDatasetCommand<ProjectEntity>.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

/// `project create NAME [--labels JSON|FILE] [--dataset_path F --dataset_format FMT]`: prints
/// the new project's id.
struct ProjectCreate: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a new CVAT project, optionally importing a dataset."
    )

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "name of the project") var name: String
    @Option(name: [.customLong("bug_tracker"), .customLong("bug")], help: "bug tracker URL") var bugTracker: String?
    @Option(name: .customLong("labels"), help: "string or file containing JSON labels specification")
    var labels = LabelsArgument(json: [])
    @Option(name: .customLong("dataset_path"), help: "path to the dataset file to import") var datasetPath = ""
    @Option(
        name: .customLong("dataset_format"),
        help: "format of the dataset file being uploaded (only applies when --dataset_path is specified)"
    )
    var datasetFormat = "CVAT 1.1"
    @Option(
        name: .customLong("completion_verification_period"),
        help: "period between status checks (only applies when --dataset_path is specified)"
    )
    var statusCheckPeriod: Double = 2

    func run(client: CVATClient) async throws {
        var spec = try ProjectWriteRequest(jsonObject: ["name": name, "labels": labels.json])
        spec.bugTracker = bugTracker
        let project = try await client.projects.createFromDataset(
            spec: spec,
            datasetFile: datasetPath.isEmpty ? nil : URL(fileURLWithPath: datasetPath),
            datasetFormat: datasetFormat,
            progress: commandProgress()
        )
        print(project.id)
    }
}
