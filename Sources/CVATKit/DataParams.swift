import CVAT
import Foundation
import SpecforgeRuntime

/// Where a task's data comes from.
public enum ResourceType: String, Sendable, CaseIterable {
    /// Files on this machine, uploaded.
    case local
    /// URLs the server downloads.
    case remote
    /// Paths in the server's share.
    case share
}

/// The data parameters of a task, as cvat-sdk's `data_params` and the CLI's options name them.
public struct DataParams: Sendable {
    public var imageQuality: Int
    public var chunkSize: Int?
    public var startFrame: Int?
    public var stopFrame: Int?
    /// Every n-th frame (`frame_filter: step=n`).
    public var frameStep: Int?
    public var sortingMethod: SortingMethod?
    public var copyData: Bool?
    public var useCache: Bool?
    public var useZipChunks: Bool?
    public var cloudStorageId: Int?
    public var filenamePattern: String?
    public var jobFileMapping: [[String]]?
    public var serverFilesExclude: [String]?

    public init(
        imageQuality: Int = 70,
        chunkSize: Int? = nil,
        startFrame: Int? = nil,
        stopFrame: Int? = nil,
        frameStep: Int? = nil,
        sortingMethod: SortingMethod? = nil,
        copyData: Bool? = nil,
        useCache: Bool? = nil,
        useZipChunks: Bool? = nil,
        cloudStorageId: Int? = nil,
        filenamePattern: String? = nil,
        jobFileMapping: [[String]]? = nil,
        serverFilesExclude: [String]? = nil
    ) {
        self.imageQuality = imageQuality
        self.chunkSize = chunkSize
        self.startFrame = startFrame
        self.stopFrame = stopFrame
        self.frameStep = frameStep
        self.sortingMethod = sortingMethod
        self.copyData = copyData
        self.useCache = useCache
        self.useZipChunks = useZipChunks
        self.cloudStorageId = cloudStorageId
        self.filenamePattern = filenamePattern
        self.jobFileMapping = jobFileMapping
        self.serverFilesExclude = serverFilesExclude
    }

    /// The request that carries them (what cvat-sdk sends with `Upload-Finish`, or alone).
    func request() -> DataRequest {
        DataRequest(
            chunkSize: chunkSize.map { .value($0) },
            imageQuality: imageQuality,
            startFrame: startFrame,
            stopFrame: stopFrame,
            frameFilter: frameStep.map { "step=\($0)" },
            useZipChunks: useZipChunks,
            serverFilesExclude: serverFilesExclude,
            cloudStorageId: cloudStorageId.map { .value($0) },
            useCache: useCache,
            copyData: copyData,
            sortingMethod: sortingMethod,
            filenamePattern: filenamePattern.map { .value($0) },
            jobFileMapping: jobFileMapping
        )
    }
}
