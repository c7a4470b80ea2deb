import CVAT
import Foundation
import SpecforgeRuntime
import ZIPFoundation

/// When a dataset downloads its media.
public enum MediaDownloadPolicy: Sendable {
    /// Every chunk the samples need, when the dataset is made.
    case preloadAll
    /// A chunk when a sample in it is first read; then kept in the cache.
    case fetchChunksOnDemand
    /// Each frame from the server whenever it is read; nothing cached.
    case fetchFramesOnDemand
}

/// The tags and shapes of one frame.
public struct FrameAnnotations: Sendable {
    public var tags: [LabeledImage] = []
    public var shapes: [LabeledShape] = []
}

/// A frame's image as the server stores it (JPEG or PNG bytes) with its size.
public struct FrameImage: Sendable {
    public let data: Data
    public let width: Int
    public let height: Int
}

/// One frame of a task: its index and file name, its annotations (unless the dataset was made
/// without them) and, on demand, its image.
public struct Sample: Sendable {
    public let frameIndex: Int
    public let frameName: String
    public let annotations: FrameAnnotations?
    let media: MediaSource

    /// The frame's image, from the cached chunk or the server as the dataset's policy says.
    public func image() async throws -> FrameImage {
        try await media.image(frameIndex)
    }
}

/// Where a sample's image comes from.
struct MediaSource: Sendable {
    let image: @Sendable (Int) async throws -> FrameImage
}

/// A task as a collection of samples, one per frame (deleted frames left out), for training
/// and evaluation: cvat-sdk's `TaskDataset`, without PyTorch. What it downloads — the task,
/// its labels, its media's description, its annotations and its image-set chunks — is kept in
/// the cache (`CVATConfig.cacheFolder`, laid out as cvat-sdk's) and reused by the next dataset
/// of the same task, until the server's `updated_date` for the task is later than the cached
/// one; then the task's cache is emptied and filled again.
public final class TaskDataset: Sendable {
    public let task: TaskRead
    /// The labels annotations use.
    public let labels: [Label]
    /// Each label's position among the labels ordered by id: the class index a model is
    /// trained on (the PyTorch adapter's default `label_name_to_index`).
    public let labelIndices: [Int: Int]
    public let samples: [Sample]

    private init(task: TaskRead, labels: [Label], samples: [Sample]) {
        self.task = task
        self.labels = labels
        self.labelIndices = Self.classIndices(labels)
        self.samples = samples
    }

    /// Makes the dataset of task `id`: reads it from the server (or, with `.never`, from the
    /// cache only), downloads what the cache lacks, and lists the samples.
    public static func load(
        _ client: CVATClient,
        taskId id: Int,
        updatePolicy: UpdatePolicy = .ifMissingOrStale,
        loadAnnotations: Bool = true,
        mediaDownloadPolicy: MediaDownloadPolicy = .preloadAll
    ) async throws -> TaskDataset {
        if updatePolicy == .never, mediaDownloadPolicy == .fetchFramesOnDemand {
            throw UnsupportedDatasetError(
                description: "Frames fetched on demand need the network (updatePolicy .never)"
            )
        }
        let cache = DatasetCache(client: client)
        let folder = cache.taskFolder(id)
        let (task, labels) = try await TaskRecord.bringUpToDate(id, client: client, cache: cache, policy: updatePolicy)
        guard task.size ?? 0 > 0, let chunkSize = task.dataChunkSize?.value, chunkSize > 0 else {
            throw UnsupportedDatasetError(description: "The task has no data")
        }
        let meta: DataMetaRead = try await cached(folder.appendingPathComponent("data_meta.json"), cache, updatePolicy)
        {
            try await client.api.tasksApi.retrieveDataMeta(id: id).body()
        }
        let deleted = Set(meta.deletedFrames)
        let active = (0..<(task.size ?? 0)).filter { !deleted.contains($0) }
        let isImageSet = task.dataOriginalChunkType == .imageset
        if mediaDownloadPolicy != .fetchFramesOnDemand, !isImageSet {
            throw UnsupportedDatasetError(
                description: "Chunk-based media access is only supported for tasks whose original chunks are image sets"
            )
        }
        let chunks = ChunkStore(client: client, cache: cache, taskId: id, chunkSize: chunkSize, policy: updatePolicy)
        if mediaDownloadPolicy == .preloadAll {
            for chunk in Set(active.map { $0 / chunkSize }).sorted() {
                try await chunks.ensure(chunk)
            }
        }
        var annotations: [Int: FrameAnnotations]?
        if loadAnnotations {
            let labeled: LabeledData = try await cached(
                folder.appendingPathComponent("annotations.json"),
                cache,
                updatePolicy
            ) { try await client.api.tasksApi.retrieveAnnotations(id: id).body() }
            var byFrame = Dictionary(uniqueKeysWithValues: active.map { ($0, FrameAnnotations()) })
            for tag in labeled.tags ?? [] where byFrame[tag.frame] != nil { byFrame[tag.frame]?.tags.append(tag) }
            for shape in labeled.shapes ?? [] where byFrame[shape.frame] != nil {
                byFrame[shape.frame]?.shapes.append(shape)
            }
            annotations = byFrame
        }
        let frames = meta.frames ?? []
        let media: MediaSource
        if mediaDownloadPolicy == .fetchFramesOnDemand {
            media = MediaSource { index in
                let data = try await client.api.tasksApi.retrieveData(
                    id: id,
                    type: .frame,
                    number: index,
                    quality: .original
                )
                .response.body
                let frame = frames.indices.contains(index) ? frames[index] : frames.first
                return FrameImage(data: data, width: frame?.width ?? 0, height: frame?.height ?? 0)
            }
        } else {
            media = MediaSource { index in
                let frame = frames.indices.contains(index) ? frames[index] : frames.first
                return FrameImage(
                    data: try await chunks.image(frameIndex: index),
                    width: frame?.width ?? 0,
                    height: frame?.height ?? 0
                )
            }
        }
        let samples = active.map { index in
            Sample(
                frameIndex: index,
                frameName: frames.indices.contains(isImageSet ? index : 0) ? frames[isImageSet ? index : 0].name : "",
                annotations: annotations?[index],
                media: media
            )
        }
        return TaskDataset(task: task, labels: labels, samples: samples)
    }
}

extension TaskDataset {
    /// Each label id's position among the ids in order: the class index a model is trained on.
    static func classIndices(_ labels: [Label]) -> [Int: Int] {
        let ids = labels.compactMap(\.id).sorted()
        return Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
    }
}

/// The task's record in the cache (`task.json`: the task and its labels), and the rule that
/// empties the task's cache when the server's copy is newer.
enum TaskRecord {
    static func bringUpToDate(_ id: Int, client: CVATClient, cache: DatasetCache, policy: UpdatePolicy) async throws
        -> (TaskRead, [Label])
    {
        let folder = cache.taskFolder(id)
        let file = folder.appendingPathComponent("task.json")
        let saved = cache.load(file).flatMap(decode)
        if policy == .never {
            guard let saved else { throw UnsupportedDatasetError(description: "Task \(id) is not cached") }
            return saved
        }
        let task = try await client.api.tasksApi.retrieve(id: id).body()
        if let saved, let cachedDate = saved.0.updatedDate, let current = task.updatedDate, cachedDate >= current {
            try cache.save(
                ["model": try task.jsonObject(), "labels": try saved.1.map { try $0.jsonObject() }],
                to: file
            )
            return (task, saved.1)
        }
        // Not cached, unreadable, or older than the server's copy: start the task's cache again.
        try? FileManager.default.removeItem(at: folder)
        let labels = try await TaskEntity(client: client, model: task).labels()
        try cache.save(["model": try task.jsonObject(), "labels": try labels.map { try $0.jsonObject() }], to: file)
        return (task, labels)
    }

    private static func decode(_ object: [String: Any]) -> (TaskRead, [Label])? {
        guard let model = object["model"], let task = try? TaskRead(jsonObject: model),
            let rawLabels = object["labels"] as? [Any],
            let labels = try? rawLabels.map({ try Label(jsonObject: $0) })
        else { return nil }
        return (task, labels)
    }
}

/// A model read from the cache when it is there, else from the server and then kept.
func cached<Model: APIModel>(
    _ file: URL,
    _ cache: DatasetCache,
    _ policy: UpdatePolicy,
    download: () async throws -> Model
) async throws -> Model {
    if let object = cache.load(file), let model = try? Model(jsonObject: object) {
        return model
    }
    guard policy != .never else {
        throw UnsupportedDatasetError(description: "\(file.lastPathComponent) is not cached")
    }
    let model = try await download()
    try cache.save(try model.jsonObject(), to: file)
    return model
}

/// A task's image-set chunks in the cache: downloaded (original quality) when missing, and
/// read frame by frame — the n-th entry of chunk `index / chunkSize` is frame `index`.
struct ChunkStore: Sendable {
    let client: CVATClient
    let cache: DatasetCache
    let taskId: Int
    let chunkSize: Int
    let policy: UpdatePolicy

    func ensure(_ chunk: Int) async throws {
        let file = cache.chunkFile(task: taskId, chunk: chunk)
        if FileManager.default.fileExists(atPath: file.path) { return }
        guard policy != .never else {
            throw UnsupportedDatasetError(description: "Chunk \(chunk) of task \(taskId) is not cached")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = file.deletingLastPathComponent().appendingPathComponent(".\(chunk).zip.\(UUID())")
        defer { try? FileManager.default.removeItem(at: partial) }
        try await TaskEntity.downloadChunk(chunk, of: taskId, to: partial, quality: .original, in: client.api)
        try? FileManager.default.moveItem(at: partial, to: file)  // another reader may have won
    }

    func image(frameIndex: Int) async throws -> Data {
        let chunk = frameIndex / chunkSize
        try await ensure(chunk)
        let archive = try Archive(url: cache.chunkFile(task: taskId, chunk: chunk), accessMode: .read)
        let entries = Array(archive)
        let member = frameIndex % chunkSize
        guard entries.indices.contains(member) else {
            throw UnsupportedDatasetError(description: "Chunk \(chunk) of task \(taskId) has no frame \(frameIndex)")
        }
        var data = Data()
        _ = try archive.extract(entries[member], skipCRC32: false) { data.append($0) }
        return data
    }
}
