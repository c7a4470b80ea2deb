import SpecforgeModel

/// The names of generated Swift symbols, as a Swift reader would write them.
enum Symbols {
    /// `TasksApi.create(taskWriteRequest:orgId:options:)`.
    static func method(_ operation: OperationModel, in group: APIGroup) -> String {
        "\(group.typeName).\(operation.signature)"
    }

    /// `TaskRead.mediaType`.
    static func property(_ name: String, of type: String) -> String {
        "\(type).\(name)"
    }
}
