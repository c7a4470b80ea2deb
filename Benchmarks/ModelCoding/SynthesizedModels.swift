import Foundation

// Hand-written twins of the generated `TaskRead` and the models it holds, with the coding, equality
// and hashing the compiler synthesizes: the baseline the runtime's `APIObject` is measured against.
// Enumerations are plain strings here.
struct SynthesizedUser: Codable, Hashable {
    var url: String?
    var id: Int?
    var username: String
    var firstName: String?
    var lastName: String?
    enum CodingKeys: String, CodingKey {
        case url, id, username
        case firstName = "first_name"
        case lastName = "last_name"
    }
}
struct SynthesizedJobs: Codable, Hashable {
    var count: Int?
    var completed: Int?
    var validation: Int?
    var url: String?
}
struct SynthesizedLabels: Codable, Hashable { var url: String? }
struct SynthesizedStorage: Codable, Hashable {
    var id: Int?
    var location: String?
    var cloudStorageId: Int?
    enum CodingKeys: String, CodingKey {
        case id, location
        case cloudStorageId = "cloud_storage_id"
    }
}
struct SynthesizedTask: Codable, Hashable {
    var url: String?
    var id: Int?
    var name: String?
    var projectId: Int?
    var projectName: String?
    var owner: SynthesizedUser?
    var assignee: SynthesizedUser?
    var bugTracker: String?
    var createdDate: Date?
    var updatedDate: Date?
    var overlap: Int?
    var segmentSize: Int?
    var status: String?
    var dataChunkSize: Int?
    var dataOriginalChunkType: String?
    var dataCompressedChunkType: String?
    var dataCloudStorageId: Int?
    var guideId: Int?
    var size: Int?
    var imageQuality: Int?
    var data: Int?
    var dimension: String?
    var mode: String?
    var mediaType: String?
    var subset: String?
    var organizationId: Int?
    var organization: Int?
    var targetStorage: SynthesizedStorage?
    var sourceStorage: SynthesizedStorage?
    var jobs: SynthesizedJobs
    var labels: SynthesizedLabels
    var assigneeUpdatedDate: Date?
    var validationMode: String?
    var consensusEnabled: Bool?
    enum CodingKeys: String, CodingKey {
        case url, id, name, owner, assignee, overlap, status, size, data, dimension, mode, subset, organization
        case jobs, labels
        case projectId = "project_id"
        case projectName = "project_name"
        case bugTracker = "bug_tracker"
        case createdDate = "created_date"
        case updatedDate = "updated_date"
        case segmentSize = "segment_size"
        case dataChunkSize = "data_chunk_size"
        case dataOriginalChunkType = "data_original_chunk_type"
        case dataCompressedChunkType = "data_compressed_chunk_type"
        case dataCloudStorageId = "data_cloud_storage_id"
        case guideId = "guide_id"
        case imageQuality = "image_quality"
        case mediaType = "media_type"
        case organizationId = "organization_id"
        case targetStorage = "target_storage"
        case sourceStorage = "source_storage"
        case assigneeUpdatedDate = "assignee_updated_date"
        case validationMode = "validation_mode"
        case consensusEnabled = "consensus_enabled"
    }
}
struct SynthesizedPage: Codable, Hashable {
    var count: Int
    var next: String?
    var previous: String?
    var results: [SynthesizedTask]
}
