import CVAT
import CVATKit
import Foundation
import SpecforgeRuntime
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The same scenarios through cvat_sdk.core (cvat-sdk 2.71.0, `Differential/high_level.py`)
/// and through CVATKit, against the fake CVAT server on Django REST framework: the request
/// sequences must be equivalent and leave the same server state (`Differential/compare.py`
/// says what is compared and which differences are deliberate).
extension FakeCVATServerSuites {
    @Suite("CVATKit against cvat_sdk.core")
    struct HighLevelDifferentialTests {
        let server = DRFServer.shared

        static let scenarios = [
            "local", "remote", "share", "export", "backup-restore", "import-annotations", "frames", "annotations",
            "organization",
            "update-remove", "project", "jobs", "issues",
        ]

        static var python: String {
            ProcessInfo.processInfo.environment["CVAT_SDK_PYTHON"]
                ?? FileManager.default.homeDirectoryForCurrentUser
                .appendingPathComponent(".cache/specforge/cvat-sdk-2.71.0/bin/python").path
        }

        static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Differential"
        )

        @Test("the same requests and the same server state", arguments: scenarios)
        func scenario(_ name: String) async throws {
            let scratch = try Scratch()
            // [300, 500, 400, 1200, 50] bytes under a 1,000-byte limit: two bulk requests and a TUS upload.
            let files = try [300, 500, 400, 1200, 50].enumerated().map {
                try scratch.file("img\($0.offset).jpg", size: $0.element)
            }

            let annotations = try scratch.file("annotations.xml", size: 1500)
            setenv("OUTPUT", scratch.folder.path, 1)
            setenv("ANNOTATIONS", annotations, 1)
            try await server.reset()
            let (status, output) = try runProgram(
                Self.python,
                [Self.folder.appendingPathComponent("high_level.py").path, name, server.url.absoluteString] + files
            )
            #expect(status == 0, "cvat-sdk failed: \(output)")
            let theirs = try await server.snapshot(into: scratch.folder, "theirs")

            try await server.reset()
            try await runWithCVATKit(name, files: files, output: scratch.folder, annotations: annotations)
            let ours = try await server.snapshot(into: scratch.folder, "ours")

            let (same, report) = try runProgram(
                "/usr/bin/env",
                ["python3", Self.folder.appendingPathComponent("compare.py").path, theirs, ours]
            )
            #expect(same == 0, "\(name): \(report)")
        }

        /// What `high_level.py` does, with CVATKit.
        func runWithCVATKit(_ scenario: String, files: [String], output: URL, annotations: String) async throws {
            try FileManager.default.createDirectory(
                at: output.appendingPathComponent("ours"),
                withIntermediateDirectories: true
            )
            let config = CVATConfig(
                statusCheckPeriod: .milliseconds(10),
                maximumStatusCheckPeriod: .milliseconds(10),
                uploadRequestLimit: 1000,
                tusChunkSize: 512
            )
            let labels = [
                PatchedLabelRequest(
                    name: "car",
                    color: "#ff00ff",
                    attributes: [
                        AttributeRequest(
                            name: "a",
                            mutable: true,
                            inputType: .number,
                            defaultValue: "5",
                            values: ["4", "5", "6"]
                        )
                    ]
                )
            ]
            try await CVATClient.withClient(
                host: server.url.absoluteString,
                credentials: .password("admin", "secret"),
                config: config
            ) { client in
                switch scenario {
                case "local":
                    let task = try await client.tasks.createFromData(
                        spec: TaskWriteRequest(name: "local", labels: labels),
                        resources: files,
                        dataParams: DataParams(imageQuality: 80, chunkSize: 4, sortingMethod: .natural)
                    )
                    #expect(task.size == files.count)
                case "remote":
                    _ = try await client.tasks.createFromData(
                        spec: TaskWriteRequest(name: "remote", labels: labels),
                        resourceType: .remote,
                        resources: ["https://example.com/a.jpg", "https://example.com/b.jpg"],
                        dataParams: DataParams(imageQuality: 90)
                    )
                case "share":
                    _ = try await client.tasks.createFromData(
                        spec: TaskWriteRequest(name: "share", labels: labels),
                        resourceType: .share,
                        resources: ["images/a.jpg", "images/b.jpg", "images/c.jpg"],
                        dataParams: DataParams(imageQuality: 70, startFrame: 0, stopFrame: 2, frameStep: 2)
                    )
                case "export":
                    let task = try await client.tasks.createFromData(
                        spec: TaskWriteRequest(name: "exported", labels: labels),
                        resources: Array(files.prefix(2))
                    )
                    let ours = output.appendingPathComponent("ours/dataset.zip")
                    try await task.exportDataset(format: "CVAT for images 1.1", to: ours, includeImages: false)
                    let theirs = try Data(contentsOf: output.appendingPathComponent("theirs/dataset.zip"))
                    #expect(try Data(contentsOf: ours) == theirs, "the same file downloaded")
                case "backup-restore":
                    let task = try await client.tasks.createFromData(
                        spec: TaskWriteRequest(name: "backed up", labels: labels),
                        resources: Array(files.prefix(2))
                    )
                    let backup = output.appendingPathComponent("ours/backup.zip")
                    try await task.downloadBackup(to: backup)
                    let restored = try await client.tasks.createFromBackup(backup)
                    #expect(restored.size == 2)
                case "import-annotations":
                    let task = try await client.tasks.createFromData(
                        spec: TaskWriteRequest(name: "annotated", labels: labels),
                        resources: Array(files.prefix(1)),
                        annotationPath: URL(fileURLWithPath: annotations),
                        annotationFormat: "CVAT 1.1"
                    )
                    try await task.importAnnotations(
                        format: "COCO 1.0",
                        file: URL(fileURLWithPath: annotations),
                        convertMasksToPolygons: false
                    )
                case "frames":
                    let task = try await client.tasks.createFromData(
                        spec: TaskWriteRequest(name: "frames", labels: labels),
                        resources: Array(files.prefix(2))
                    )
                    _ = try await task.frame(0, quality: .original)
                    _ = try await task.frame(1, quality: .compressed)
                case "annotations":
                    let task = try await client.tasks.createFromData(
                        spec: TaskWriteRequest(name: "annotations", labels: labels),
                        resources: Array(files.prefix(3))
                    )
                    try await task.setAnnotations(
                        LabeledDataRequest(shapes: [
                            LabeledShapeRequest(type: .rectangle, points: [1, 2, 30, 40], labelId: 1, frame: 0),
                            LabeledShapeRequest(type: .polygon, points: [0, 0, 5, 0, 5, 5], labelId: 1, frame: 1),
                        ])
                    )
                    try await task.updateAnnotations(
                        PatchedLabeledDataRequest(tags: [LabeledImageRequest(labelId: 1, frame: 2)]),
                        action: .create
                    )
                    let shapes = try await task.annotations().shapes ?? []
                    try await task.removeAnnotations(ids: [shapes[0].id?.value ?? 0])
                    try await task.removeFrames(ids: [1])
                    try await task.removeAnnotations()
                case "organization":
                    for index in 0..<12 {
                        _ = try await client.projects.create(ProjectWriteRequest(name: "project \(index)"))
                    }
                    let listed = try await client.withOrganization("team") { try await client.projects.list() }
                    #expect(listed.count == 12)
                case "update-remove":
                    let project = try await client.projects.create(
                        ProjectWriteRequest(name: "project", labels: [PatchedLabelRequest(name: "dog")])
                    )
                    try await project.update(json: ["name": "renamed"])
                    let task = try await client.tasks.create(
                        TaskWriteRequest(name: "task", projectId: .value(project.id))
                    )
                    try await task.update(json: ["name": "renamed task", "subset": "train"])
                    try await task.fetch()
                    try await client.tasks.remove(ids: [task.id, 9999])
                    try await project.remove()
                case "project":
                    try await projectScenario(
                        client,
                        labels: labels,
                        files: files,
                        output: output,
                        annotations: annotations
                    )
                case "jobs":
                    try await jobsScenario(
                        client,
                        labels: labels,
                        files: files,
                        output: output,
                        annotations: annotations
                    )
                case "issues":
                    try await issuesScenario(client, labels: labels, files: files)
                default:
                    Issue.record("unknown scenario \(scenario)")
                }
            }
        }

        func projectScenario(
            _ client: CVATClient,
            labels: [PatchedLabelRequest],
            files: [String],
            output: URL,
            annotations: String
        ) async throws {
            let project = try await client.projects.createFromDataset(
                spec: ProjectWriteRequest(name: "from a dataset", labels: labels),
                datasetFile: URL(fileURLWithPath: annotations),
                datasetFormat: "COCO 1.0",
                convertMasksToPolygons: false
            )
            _ = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "inside", projectId: .value(project.id)),
                resources: Array(files.prefix(1))
            )
            #expect(try await project.tasks().map(\.name) == ["inside"])
            #expect(try await project.labels().map(\.name) == ["car"])
            _ = try await project.preview()
            let exported = output.appendingPathComponent("ours/project.zip")
            try await project.exportDataset(format: "COCO 1.0", to: exported)
            #expect(
                try Data(contentsOf: exported) == Data(contentsOf: output.appendingPathComponent("theirs/project.zip"))
            )
            let backup = output.appendingPathComponent("ours/project-backup.zip")
            try await project.downloadBackup(to: backup)
            let restored = try await client.projects.createFromBackup(backup)
            #expect(restored.name == "from a dataset")
        }

        func jobsScenario(
            _ client: CVATClient,
            labels: [PatchedLabelRequest],
            files: [String],
            output: URL,
            annotations: String
        ) async throws {
            let task = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "segmented", segmentSize: 2, labels: labels),
                resources: Array(files.prefix(3))
            )
            _ = try await task.preview()
            _ = try await task.meta()
            let chunk = output.appendingPathComponent("ours/chunk.zip")
            try await task.downloadChunk(0, to: chunk, quality: .original)
            #expect(try Data(contentsOf: chunk) == Data(contentsOf: output.appendingPathComponent("theirs/chunk.zip")))
            let jobs = try await task.jobs()
            #expect(jobs.count == 2)
            let job = try await client.jobs.retrieve(jobs.last?.id ?? 0)
            #expect(try await job.framesInfo().map(\.name) == ["img0.jpg", "img1.jpg"])
            #expect(try await job.labels().map(\.name) == ["car"])
            _ = try await job.frame(1, quality: .compressed)
            _ = try await job.preview()
            try await job.setAnnotations(
                LabeledDataRequest(shapes: [LabeledShapeRequest(type: .points, points: [1, 2], labelId: 1, frame: 0)])
            )
            try await job.updateAnnotations(
                PatchedLabeledDataRequest(tags: [LabeledImageRequest(labelId: 1, frame: 1)]),
                action: .create
            )
            let tags = try await job.annotations().tags ?? []
            let firstTag: Int? = tags.first?.id?.value
            try await job.removeAnnotations(ids: firstTag.map { [$0] } ?? [])
            try await job.importAnnotations(
                format: "CVAT 1.1",
                file: URL(fileURLWithPath: annotations),
                convertMasksToPolygons: true,
                importMode: "append"
            )
            try await job.exportDataset(
                format: "CVAT for images 1.1",
                to: output.appendingPathComponent("ours/job.zip"),
                includeImages: false
            )
            try await job.removeFrames(ids: [0])
            try await job.update(json: ["stage": "validation", "state": "in progress"])
            #expect(job.stage == .validation)
        }

        func issuesScenario(_ client: CVATClient, labels: [PatchedLabelRequest], files: [String]) async throws {
            let task = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "reviewed", labels: labels),
                resources: Array(files.prefix(2))
            )
            let job = try #require(try await task.jobs().first)
            let issue = try await client.issues.create(
                IssueWriteRequest(frame: 1, position: [1, 2, 3, 4], job: job.id, message: "a missing box")
            )
            try await issue.update(PatchedIssueWriteRequest(resolved: true))
            let comment = try await client.comments.create(json: ["issue": issue.id, "message": "fixed"])
            #expect(try await issue.comments().map(\.message) == ["fixed", "a missing box"])
            try await comment.update(PatchedCommentWriteRequest(message: "fixed now"))
            #expect(try await job.issues().map(\.id) == [issue.id])
            #expect(try await client.issues.list().count == 1)
            try await client.comments.retrieve(comment.id).remove()
            try await issue.remove()
            let organization = try await client.organizations.create(OrganizationWriteRequest(slug: "lab", name: "Lab"))
            try await organization.update(json: ["description": "the lab"])
            #expect(try await client.organizations.list().map(\.slug) == ["lab"])
            try await organization.remove()
        }

    }
}
