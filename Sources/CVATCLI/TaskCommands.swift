import ArgumentParser
import CVAT
import CVATKit
import Foundation
import SpecforgeRuntime

/// `cvat task …`.
struct TaskCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Perform operations on CVAT tasks.",
        subcommands: [
            ListCommand<TaskEntity>.self, TaskCreate.self, DeleteCommand<TaskEntity>.self, TaskFrames.self,
            ExportDatasetCommand<TaskEntity>.self, ImportDatasetCommand<TaskEntity>.self,
            BackupCommand<TaskEntity>.self, CreateFromBackupCommand<TaskEntity>.self, TaskAutoAnnotate.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

/// `task create NAME local|remote|share RESOURCES… [options]`: prints the new task's id.
struct TaskCreate: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a new CVAT task.",
        discussion: """
            To create a task, you need to specify labels using the --labels argument or attach \
            the task to an existing project using the --project_id argument.
            """
    )

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var arguments: TaskCreateArguments
    var statusCheckPeriod: Double { arguments.statusCheckPeriod }

    func run(client: CVATClient) async throws {
        try await arguments.run(client: client)
    }
}

/// The arguments of `task create` (and of the deprecated `create`).
struct TaskCreateArguments: ParsableArguments {
    @Argument(help: "name of the task") var name: String
    @Argument(help: "type of files specified") var resourceType: ResourceType
    @Argument(help: "list of paths or URLs") var resources: [String]

    @Option(name: .customLong("annotation_path"), help: "path to annotation file") var annotationPath = ""
    @Option(
        name: .customLong("annotation_format"),
        help: "format of the annotation file being uploaded, e.g. CVAT 1.1"
    )
    var annotationFormat = "CVAT 1.1"
    @Option(name: [.customLong("bug_tracker"), .customLong("bug")], help: "bug tracker URL") var bugTracker: String?
    @Option(name: .customLong("chunk_size"), help: "the number of frames per chunk") var chunkSize: Int?
    @Option(
        name: .customLong("completion_verification_period"),
        help: "number of seconds to wait until checking if data compression finished"
    )
    var statusCheckPeriod: Double = 2
    @Flag(
        name: .customLong("copy_data"),
        help: "set the option to copy the data, only used when resource type is share"
    )
    var copyData = false
    @Option(name: .customLong("frame_step"), help: "the frame step of image series or videos") var frameStep: Int?
    @Option(name: .customLong("image_quality"), help: "the image quality option") var imageQuality = 70
    @Option(name: .customLong("labels"), help: "string or file containing JSON labels specification")
    var labels = LabelsArgument(json: [])
    @Option(name: .customLong("project_id"), help: "project ID if project exists") var projectId: Int?
    @Option(name: .customLong("overlap"), help: "the number of intersected frames between different segments")
    var overlap: Int?
    @Option(name: .customLong("segment_size"), help: "the number of frames in a segment") var segmentSize: Int?
    @Option(name: .customLong("sorting-method"), help: "data sorting method")
    var sortingMethod = SortingMethodArgument.lexicographical
    @Option(name: .customLong("start_frame"), help: "the start frame of the video") var startFrame: Int?
    @Option(name: .customLong("stop_frame"), help: "the stop frame of the video") var stopFrame: Int?
    @Flag(name: .customLong("use_cache"), help: "use cache") var useCache = false
    @Flag(name: .customLong("use_zip_chunks"), help: "zip chunks before sending them to the server")
    var useZipChunks = false
    @Option(
        name: .customLong("cloud_storage_id"),
        help: "cloud storage ID if you would like to use data from cloud storage"
    )
    var cloudStorageId: Int?
    @Option(
        name: .customLong("filename_pattern"),
        help: "pattern for filtering data from the manifest file for the upload (shell-style wildcards)"
    )
    var filenamePattern: String?

    func validate() throws {
        if resources.isEmpty { throw ValidationError("Missing expected argument '<resources> ...'") }
    }

    func run(client: CVATClient) async throws {
        var spec = try TaskWriteRequest(jsonObject: ["name": name, "labels": labels.json])
        spec.projectId = projectId.map { .value($0) }
        spec.bugTracker = bugTracker
        spec.overlap = overlap.map { .value($0) }
        spec.segmentSize = segmentSize
        let params = DataParams(
            imageQuality: imageQuality,
            chunkSize: chunkSize,
            startFrame: startFrame,
            stopFrame: stopFrame,
            frameStep: frameStep,
            sortingMethod: SortingMethod(rawValue: sortingMethod.rawValue),
            copyData: copyData,
            useCache: useCache,
            useZipChunks: useZipChunks,
            cloudStorageId: cloudStorageId,
            filenamePattern: filenamePattern
        )
        let task = try await client.tasks.createFromData(
            spec: spec,
            resourceType: resourceType,
            resources: resources,
            dataParams: params,
            annotationPath: annotationPath.isEmpty ? nil : URL(fileURLWithPath: annotationPath),
            annotationFormat: annotationFormat,
            progress: commandProgress()
        )
        print(task.id)
    }
}

extension ResourceType: ExpressibleByArgument {}

/// `--sorting-method`'s choices.
enum SortingMethodArgument: String, ExpressibleByArgument, CaseIterable {
    case lexicographical, natural, predefined, random
}

/// `--labels`: a file holding JSON, or the JSON itself (cvat-cli's `parse_label_arg`).
struct LabelsArgument: ExpressibleByArgument, @unchecked Sendable {
    // `@unchecked`: JSON values (arrays, dictionaries, strings, numbers) are never mutated.
    let json: Any

    init(json: Any) {
        self.json = json
    }

    init?(argument: String) {
        let text: Data
        if FileManager.default.fileExists(atPath: argument) {
            guard let contents = FileManager.default.contents(atPath: argument) else { return nil }
            text = contents
        } else {
            text = Data(argument.utf8)
        }
        guard let json = try? JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed]) else {
            return nil
        }
        self.json = json
    }

    var defaultValueDescription: String { "[]" }
}

/// `task frames ID FRAMES… [--outdir D] [--quality original|compressed]`: writes
/// `task_<ID>_frame_<FRAME>.<ext>`.
struct TaskFrames: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Download the requested frame numbers for a task and save images as task_<ID>_frame_<FRAME>.jpg."
    )

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var arguments: TaskFramesArguments

    func run(client: CVATClient) async throws {
        try await arguments.run(client: client)
    }
}

struct TaskFramesArguments: ParsableArguments {
    @Argument(help: "task ID") var taskId: Int
    @Argument(help: "list of frame IDs to download") var frameIds: [Int]
    @Option(name: .customLong("outdir"), help: "directory to save images (default: CWD)") var outdir = ""
    @Option(name: .customLong("quality"), help: "choose quality of images") var quality = FrameQuality.original

    func validate() throws {
        if frameIds.isEmpty { throw ValidationError("Missing expected argument '<frame-ids> ...'") }
    }

    func run(client: CVATClient) async throws {
        let task = try await client.tasks.retrieve(taskId)
        let folder = URL(fileURLWithPath: outdir.isEmpty ? FileManager.default.currentDirectoryPath : outdir)
        let taskId = taskId
        try await task.downloadFrames(frameIds, to: folder, quality: quality) { frame, fileExtension in
            String(format: "task_%d_frame_%06d.%@", taskId, frame, fileExtension)
        }
    }
}

extension FrameQuality: ExpressibleByArgument {}
