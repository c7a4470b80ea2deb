import CVAT
import CVATKit
import Foundation
import SpecforgeRuntime
import Testing

/// `TaskDataset` and `ProjectDataset` against the fake CVAT server: samples, annotations by
/// frame, images from cached image-set chunks, and a cache that is reused, refreshed when the
/// task changes, and enough on its own offline.
extension FakeCVATServerSuites {
    @Suite("Datasets")
    struct DatasetTests {
        let server = DRFServer.shared

        func connect(cache: URL) async throws -> CVATClient {
            try await CVATClient.connect(
                host: server.url.absoluteString,
                credentials: .password("admin", "secret"),
                config: CVATConfig(statusCheckPeriod: .milliseconds(10), cacheFolder: cache)
            )
        }

        /// A task of five frames in chunks of two, frame 1 deleted, a rectangle on frame 0 and a
        /// tag on frame 3.
        func makeTask(_ client: CVATClient, _ scratch: Scratch, name: String = "dataset", projectId: Int? = nil)
            async throws -> TaskEntity
        {
            let task = try await client.tasks.createFromData(
                spec: TaskWriteRequest(
                    name: name,
                    projectId: projectId.map { .value($0) },
                    labels: projectId == nil
                        ? [PatchedLabelRequest(name: "car"), PatchedLabelRequest(name: "dog")] : nil
                ),
                resources: try (0..<5).map { try scratch.file("\(name)\($0).jpg", size: 100 + $0) },
                dataParams: DataParams(chunkSize: 2)
            )
            let labels = try await task.labels().compactMap(\.id)
            try await task.setAnnotations(
                LabeledDataRequest(
                    tags: [LabeledImageRequest(labelId: labels[1], frame: 3)],
                    shapes: [LabeledShapeRequest(type: .rectangle, points: [1, 2, 3, 4], labelId: labels[0], frame: 0)]
                )
            )
            try await task.removeFrames(ids: [1])
            return task
        }

        func requests(after count: Int) async throws -> [String] {
            try await server.log().dropFirst(count).map {
                "\($0.method) \($0.path)\($0.query.isEmpty ? "" : "?")\($0.query)"
            }
        }

        @Test(
            "samples hold each frame's annotations and image; a second dataset reads the cache, a changed task is read again"
        )
        func taskDatasetAndItsCache() async throws {
            try await server.reset()
            try await server.control(["polls_before_finish": 0])
            let scratch = try Scratch()
            let cache = scratch.folder.appendingPathComponent("cache")
            let client = try await connect(cache: cache)
            let task = try await makeTask(client, scratch)

            var before = try await server.log().count
            let dataset = try await TaskDataset.load(client, taskId: task.id)
            let first = try await requests(after: before)
            #expect(dataset.samples.map(\.frameIndex) == [0, 2, 3, 4], "the deleted frame is left out")
            #expect(
                dataset.samples.map(\.frameName) == ["dataset0.jpg", "dataset2.jpg", "dataset3.jpg", "dataset4.jpg"]
            )
            #expect(dataset.samples[0].annotations?.shapes.map(\.type) == [.rectangle])
            #expect(dataset.samples[2].annotations?.tags.count == 1)
            #expect(dataset.samples[1].annotations?.shapes.isEmpty == true)
            #expect(dataset.labels.map(\.name) == ["car", "dog"])
            #expect(dataset.labelIndices == [dataset.labels[0].id ?? -1: 0, dataset.labels[1].id ?? -1: 1])
            let image = try await dataset.samples[2].image()
            #expect(image.data == (try await task.frame(3, quality: .original)), "frame 3 from chunk 1, entry 1")
            #expect(image.width == 64 && image.height == 48 && image.data.starts(with: [0xFF, 0xD8]))
            let chunkRequests = first.filter { $0.contains("type=chunk") }
            #expect(chunkRequests.count == 3, "chunks 0, 1 and 2, once each: \(first)")
            #expect(first.contains { $0.hasPrefix("GET /api/tasks/\(task.id)/data/meta") })
            #expect(first.contains { $0.hasPrefix("GET /api/tasks/\(task.id)/annotations") })

            before = try await server.log().count
            let again = try await TaskDataset.load(client, taskId: task.id)
            let second = try await requests(after: before)
            #expect(second == ["GET /api/tasks/\(task.id)"], "only the task, to compare its updated_date: \(second)")
            #expect(try await again.samples[3].image().data == (try await task.frame(4, quality: .original)))

            try await task.update(json: ["name": "renamed"])
            before = try await server.log().count
            let refreshed = try await TaskDataset.load(client, taskId: task.id)
            let third = try await requests(after: before)
            #expect(refreshed.task.name == "renamed")
            #expect(third.filter { $0.contains("type=chunk") }.count == 3, "the stale cache was emptied: \(third)")

            before = try await server.log().count
            let offline = try await TaskDataset.load(client, taskId: task.id, updatePolicy: .never)
            #expect(try await requests(after: before).isEmpty, "offline: no request at all")
            #expect(offline.samples.count == 4)
            let empty = try await connect(cache: scratch.folder.appendingPathComponent("empty"))
            await #expect(throws: UnsupportedDatasetError.self) {
                _ = try await TaskDataset.load(empty, taskId: task.id, updatePolicy: .never)
            }
        }

        @Test("chunks on demand are read when a sample's image is; frames on demand are never cached")
        func mediaPolicies() async throws {
            try await server.reset()
            try await server.control(["polls_before_finish": 0])
            let scratch = try Scratch()
            let client = try await connect(cache: scratch.folder.appendingPathComponent("cache"))
            let task = try await makeTask(client, scratch)

            var before = try await server.log().count
            let lazy = try await TaskDataset.load(
                client,
                taskId: task.id,
                loadAnnotations: false,
                mediaDownloadPolicy: .fetchChunksOnDemand
            )
            #expect(try await requests(after: before).filter { $0.contains("type=chunk") }.isEmpty)
            #expect(lazy.samples[0].annotations == nil)
            before = try await server.log().count
            _ = try await lazy.samples[3].image()
            #expect(try await requests(after: before).map { $0.contains("type=chunk&number=2") } == [true])

            let remote = try await TaskDataset.load(client, taskId: task.id, mediaDownloadPolicy: .fetchFramesOnDemand)
            before = try await server.log().count
            let image = try await remote.samples[1].image()
            #expect(image.data == (try await task.frame(2, quality: .original)))
            #expect(try await requests(after: before).first?.contains("type=frame&number=2") == true)
        }

        @Test("a project dataset is its tasks' samples under the project's labels, and works offline")
        func projectDataset() async throws {
            try await server.reset()
            try await server.control(["polls_before_finish": 0])
            let scratch = try Scratch()
            let client = try await connect(cache: scratch.folder.appendingPathComponent("cache"))
            let project = try await client.projects.create(
                ProjectWriteRequest(
                    name: "p",
                    labels: [PatchedLabelRequest(name: "car"), PatchedLabelRequest(name: "dog")]
                )
            )
            let first = try await makeTask(client, scratch, name: "first", projectId: project.id)
            let second = try await makeTask(client, scratch, name: "second", projectId: project.id)
            _ = try await client.tasks.create(TaskWriteRequest(name: "no data", projectId: .value(project.id)))

            let dataset = try await ProjectDataset.load(client, projectId: project.id)
            #expect(dataset.tasks.map(\.task.id) == [first.id, second.id], "the task without data is left out")
            #expect(dataset.samples.count == 8)
            #expect(dataset.labels.map(\.name) == ["car", "dog"])
            let before = try await server.log().count
            let offline = try await ProjectDataset.load(client, projectId: project.id, updatePolicy: .never)
            #expect(try await requests(after: before).isEmpty)
            #expect(offline.samples.map(\.frameName).last == "second4.jpg")
        }
    }
}
