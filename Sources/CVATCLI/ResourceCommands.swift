import ArgumentParser
import CVAT
import CVATKit
import Foundation
import SpecforgeRuntime

/// What `task` and `project` share: the kind of object, its repository and how a dataset is
/// imported into it (a task imports annotations, a project makes tasks from a dataset).
protocol CLIResource: ServerObject & RemovableObject & ExportsDatasets & BacksUp {
    /// `task`, `project`.
    static var resourceName: String { get }
    static func repository(of client: CVATClient) -> Repository<Self>
    /// The list operation, whose first page `firstPage` reads.
    static var listEndpoint: Endpoint { get }
    static func firstPage(in api: ApiClient) async throws -> ApiResponse<Page>
    func importDataset(format: String, file: URL, progress: (any ProgressReporter)?) async throws
}

extension TaskEntity: CLIResource {
    static var resourceName: String { "task" }
    static func repository(of client: CVATClient) -> Repository<TaskEntity> { client.tasks }
    static var listEndpoint: Endpoint { TasksApi.listEndpoint }
    static func firstPage(in api: ApiClient) async throws -> ApiResponse<PaginatedTaskReadList> {
        try await api.tasksApi.list()
    }

    func importDataset(format: String, file: URL, progress: (any ProgressReporter)?) async throws {
        try await importAnnotations(format: format, file: file, progress: progress)
    }
}

extension ProjectEntity: CLIResource {
    static var resourceName: String { "project" }
    static func repository(of client: CVATClient) -> Repository<ProjectEntity> { client.projects }
    static var listEndpoint: Endpoint { ProjectsApi.listEndpoint }
    static func firstPage(in api: ApiClient) async throws -> ApiResponse<PaginatedProjectReadList> {
        try await api.projectsApi.list()
    }

    func importDataset(format: String, file: URL, progress: (any ProgressReporter)?) async throws {
        try await importDataset(format: format, file: file, convertMasksToPolygons: nil, progress: progress)
    }
}

/// The progress bar of the long commands: redrawn on a terminal, plain lines otherwise.
func commandProgress() -> any ProgressReporter {
    TerminalProgressReporter()
}

/// `ls [--json]`: every object's id, one per line, or the objects as the server sent them.
struct ListCommand<Resource: CLIResource>: ClientCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ls",
            abstract: "List all CVAT \(Resource.resourceName)s in either basic or JSON format."
        )
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Flag(name: .customLong("json"), help: "output JSON data") var useJSONOutput = false

    func run(client: CVATClient) async throws {
        guard useJSONOutput else {
            for object in try await Resource.repository(of: client).list() { print(object.id) }
            return
        }
        // The objects as the server sent them, page after page (cvat-cli's `return_json`): no
        // field re-spelled by a round trip through the model.
        var objects: [Any] = []
        var page = try await Resource.firstPage(in: client.api)
        while true {
            let body = try JSONSerialization.jsonObject(with: page.response.body) as? [String: Any] ?? [:]
            objects += body["results"] as? [Any] ?? []
            guard let next = body["next"] as? String, let url = URL(string: next) else { break }
            page = try await client.api.session.response(absoluteURL: url, endpoint: Resource.listEndpoint)
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}

/// `delete IDS…`: deletes each; ones that do not exist are skipped.
struct DeleteCommand<Resource: CLIResource>: ClientCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a list of \(Resource.resourceName)s, ignoring those which don't exist."
        )
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "list of IDs") var ids: [Int]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("Missing expected argument '<ids> ...'") }
    }

    func run(client: CVATClient) async throws {
        for id in ids {
            let response = try await Resource.destroy(id, options: RequestOptions(checkStatus: false), in: client.api)
                .response
            switch response.status {
            case 200..<300: Log.info("\(Resource.resourceName.capitalized) #\(id) deleted")
            case 404: Log.info("\(Resource.resourceName.capitalized) #\(id) not found")
            default: Log.critical("Failed to delete \(Resource.resourceName) #\(id): status \(response.status)")
            }
        }
    }
}

/// A download destination as cvat-cli reads one: empty for the current folder, a path ending
/// in `/` is a folder (made if missing), where the file takes the server's name.
func downloadDestination(_ argument: String) throws -> URL {
    let current = FileManager.default.currentDirectoryPath
    guard !argument.isEmpty else { return URL(fileURLWithPath: current, isDirectory: true) }
    let url = URL(fileURLWithPath: argument, relativeTo: URL(fileURLWithPath: current, isDirectory: true))
        .absoluteURL
    if argument.hasSuffix("/") {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    return url
}

/// `backup ID [FILE]`.
struct BackupCommand<Resource: CLIResource>: ClientCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "backup", abstract: "Download a \(Resource.resourceName) backup.")
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: ArgumentHelp("\(Resource.resourceName) ID", valueName: "\(Resource.resourceName)_id"))
    var resourceId: Int
    @Argument(help: "output file or directory (default: current directory)") var filename = ""
    @Option(
        name: .customLong("completion_verification_period"),
        help: "time interval between checks if archive building has been finished, in seconds"
    )
    var statusCheckPeriod: Double = 2

    func run(client: CVATClient) async throws {
        let object = try await Resource.repository(of: client).retrieve(resourceId)
        try await object.downloadBackup(
            to: try downloadDestination(filename),
            location: .local,
            progress: commandProgress()
        )
    }
}

/// `create-from-backup FILE`: prints the new object's id.
struct CreateFromBackupCommand<Resource: CLIResource>: ClientCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "create-from-backup",
            abstract: "Create a \(Resource.resourceName) from a backup file."
        )
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "upload file") var filename: String
    @Option(
        name: .customLong("completion_verification_period"),
        help: "time interval between checks if archive processing was finished, in seconds"
    )
    var statusCheckPeriod: Double = 2

    func run(client: CVATClient) async throws {
        let object = try await Resource.repository(of: client).createFromBackup(
            URL(fileURLWithPath: filename),
            progress: commandProgress()
        )
        print(object.id)
    }
}

/// `export-dataset ID [FILE] [--format F] [--with-images BOOL]`.
struct ExportDatasetCommand<Resource: CLIResource>: ClientCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export-dataset",
            abstract: "Export a \(Resource.resourceName) as a dataset in the specified format (e.g. 'YOLO 1.1')."
        )
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: ArgumentHelp("\(Resource.resourceName) ID", valueName: "\(Resource.resourceName)_id"))
    var resourceId: Int
    @Argument(help: "output file or directory (default: current directory)") var filename = ""
    @Option(name: .customLong("format"), help: "annotation format")
    var fileFormat = "CVAT for images 1.1"
    @Option(
        name: .customLong("completion_verification_period"),
        help: "number of seconds to wait until checking if dataset building finished"
    )
    var statusCheckPeriod: Double = 2
    @Option(name: .customLong("with-images"), help: "Whether to include images or not")
    var includeImages: PythonBool = PythonBool(false)

    func run(client: CVATClient) async throws {
        let object = try await Resource.repository(of: client).retrieve(resourceId)
        let file = try await object.exportDataset(
            format: fileFormat,
            to: try downloadDestination(filename),
            includeImages: includeImages.value,
            location: .local,
            progress: commandProgress()
        )
        Log.info("Dataset for \(Resource.resourceName) \(resourceId) has been downloaded to \(file.path)")
    }
}

/// `import-dataset ID FILE [--format F]`.
struct ImportDatasetCommand<Resource: CLIResource>: ClientCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import-dataset",
            abstract: Resource.resourceName == "task"
                ? "Import annotations into a task from a dataset in the specified format (e.g. 'YOLO 1.1')."
                : "Create tasks in a project from a dataset in the specified format (e.g. 'YOLO 1.1')."
        )
    }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: ArgumentHelp("\(Resource.resourceName) ID", valueName: "\(Resource.resourceName)_id"))
    var resourceId: Int
    @Argument(help: "upload file") var filename: String
    @Option(name: .customLong("format"), help: "annotation format") var fileFormat = "CVAT 1.1"

    func run(client: CVATClient) async throws {
        let object = try await Resource.repository(of: client).retrieve(resourceId)
        try await object.importDataset(
            format: fileFormat,
            file: URL(fileURLWithPath: filename),
            progress: commandProgress()
        )
    }
}

/// A boolean written as Python's `attr.converters.to_bool` reads one: true/false, yes/no,
/// on/off, 1/0, in any case.
struct PythonBool: ExpressibleByArgument, Sendable {
    let value: Bool

    init(_ value: Bool) {
        self.value = value
    }

    init?(argument: String) {
        switch argument.lowercased() {
        case "true", "t", "yes", "y", "on", "1": value = true
        case "false", "f", "no", "n", "off", "0": value = false
        default: return nil
        }
    }

    var defaultValueDescription: String { value ? "True" : "False" }
}
