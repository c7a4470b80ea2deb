import CVAT
import Foundation
import SpecforgeRuntime

/// A project as the samples of its tasks (tasks without data left out), with the project's
/// labels, which its tasks share; each task is a `TaskDataset` with its own cache. The project,
/// the ids of its tasks and its labels are kept in `projects/<id>/project.json`, as cvat-sdk
/// keeps them, so `.never` works offline.
public final class ProjectDataset: Sendable {
    public let project: ProjectRead
    public let labels: [Label]
    /// Each label's position among the labels ordered by id (the class index).
    public let labelIndices: [Int: Int]
    /// The tasks' datasets, by task id.
    public let tasks: [TaskDataset]

    /// Every sample of every task, task by task.
    public var samples: [Sample] { tasks.flatMap(\.samples) }

    private init(project: ProjectRead, labels: [Label], tasks: [TaskDataset]) {
        self.project = project
        self.labels = labels
        self.labelIndices = TaskDataset.classIndices(labels)
        self.tasks = tasks
    }

    public static func load(
        _ client: CVATClient,
        projectId id: Int,
        updatePolicy: UpdatePolicy = .ifMissingOrStale,
        loadAnnotations: Bool = true,
        mediaDownloadPolicy: MediaDownloadPolicy = .preloadAll
    ) async throws -> ProjectDataset {
        let cache = DatasetCache(client: client)
        let file = cache.projectFolder(id).appendingPathComponent("project.json")
        let project: ProjectRead
        let taskIds: [Int]
        let labels: [Label]
        if updatePolicy == .never {
            guard let saved = cache.load(file), let model = saved["model"], let ids = saved["tasks"] as? [Int],
                let rawLabels = saved["labels"] as? [Any]
            else { throw UnsupportedDatasetError(description: "Project \(id) is not cached") }
            project = try ProjectRead(jsonObject: model)
            taskIds = ids
            labels = try rawLabels.map { try Label(jsonObject: $0) }
        } else {
            let entity = try await client.projects.retrieve(id)
            project = entity.model
            taskIds = try await entity.tasks().filter { $0.size ?? 0 > 0 }.map(\.id).sorted()
            labels = try await entity.labels()
            try cache.save(
                [
                    "model": try project.jsonObject(), "tasks": taskIds,
                    "labels": try labels.map { try $0.jsonObject() },
                ],
                to: file
            )
        }
        var tasks: [TaskDataset] = []
        for taskId in taskIds {
            tasks.append(
                try await TaskDataset.load(
                    client,
                    taskId: taskId,
                    updatePolicy: updatePolicy,
                    loadAnnotations: loadAnnotations,
                    mediaDownloadPolicy: mediaDownloadPolicy
                )
            )
        }
        return ProjectDataset(project: project, labels: labels, tasks: tasks)
    }
}
