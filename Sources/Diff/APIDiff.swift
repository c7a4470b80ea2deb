import SpecforgeModel

/// The diff stage's entry point: compares the intermediate models of two versions of an API.
///
/// Working on the intermediate model rather than on the documents means references are already
/// followed (a change inside a shared schema is reported once, on its type, not at every
/// operation that reaches it) and every change is known in the Swift the generator prints: the
/// method, the argument, the property, the enum member that appears, disappears or changes.
public enum APIDiff {
    /// Every change from `old` to `new`; documentation-only changes (summaries, descriptions,
    /// examples) only when `includeDocs` is set.
    public static func compare(_ old: ClientModel, _ new: ClientModel, includeDocs: Bool = false) -> [APIChange] {
        let renames = TypeRenames(old: old, new: new)
        var changes: [APIChange] = []
        let oldOperations = OperationIndex(old)
        let newOperations = OperationIndex(new)
        for key in oldOperations.keys where newOperations.entries[key] == nil {
            let (group, operation) = oldOperations.entries[key]!
            changes.append(
                APIChange(
                    .operationRemoved,
                    subject: subject(operation),
                    group: group.typeName,
                    message: "\(subject(operation)) was removed",
                    symbols: [Symbols.method(operation, in: group)]
                )
            )
        }
        for key in newOperations.keys {
            let (newGroup, newOperation) = newOperations.entries[key]!
            guard let (oldGroup, oldOperation) = oldOperations.entries[key] else {
                changes.append(
                    APIChange(
                        .operationAdded,
                        subject: subject(newOperation),
                        group: newGroup.typeName,
                        message: "\(subject(newOperation)) was added",
                        symbols: [Symbols.method(newOperation, in: newGroup)]
                    )
                )
                continue
            }
            changes +=
                OperationComparison(
                    old: oldOperation,
                    oldGroup: oldGroup,
                    new: newOperation,
                    newGroup: newGroup,
                    renames: renames,
                    includeDocs: includeDocs
                ).changes
        }
        changes += TypeComparison(old: old, new: new, renames: renames, includeDocs: includeDocs).changes
        changes += securitySchemeChanges(old, new)
        if old.serverURL != new.serverURL {
            changes.append(
                APIChange(
                    .serverChanged,
                    subject: "servers",
                    group: "ApiClient",
                    message: "the default server changed from \(old.serverURL ?? "none") to \(new.serverURL ?? "none")",
                    symbols: ["ApiClient.defaultServer"]
                )
            )
        }
        return changes
    }

    /// `POST /api/tasks/{id}/data`.
    static func subject(_ operation: OperationModel) -> String {
        "\(operation.method.uppercased()) \(operation.path)"
    }

    private static func securitySchemeChanges(_ old: ClientModel, _ new: ClientModel) -> [APIChange] {
        let oldNames = Set(old.securitySchemes.map(\.name))
        let newNames = Set(new.securitySchemes.map(\.name))
        let removed = oldNames.subtracting(newNames).sorted().map {
            APIChange(
                .securitySchemeRemoved,
                subject: "security scheme \($0)",
                group: "ApiClient",
                message: "the security scheme '\($0)' was removed",
                symbols: ["ApiClient.securitySchemes"]
            )
        }
        let added = newNames.subtracting(oldNames).sorted().map {
            APIChange(
                .securitySchemeAdded,
                subject: "security scheme \($0)",
                group: "ApiClient",
                message: "the security scheme '\($0)' was added",
                symbols: ["ApiClient.securitySchemes"]
            )
        }
        return removed + added
    }
}

/// Operations by method and path, with path parameters' names left out (`/tasks/{id}` and
/// `/tasks/{task_id}` are the same operation).
struct OperationIndex {
    private(set) var entries: [String: (APIGroup, OperationModel)] = [:]
    private(set) var keys: [String] = []

    init(_ model: ClientModel) {
        for group in model.groups {
            for operation in group.operations {
                let key = operation.method.uppercased() + " " + Self.normalized(operation.path)
                if entries[key] == nil { keys.append(key) }
                entries[key] = (group, operation)
            }
        }
    }

    static func normalized(_ path: String) -> String {
        var result = ""
        var inParameter = false
        for character in path {
            if character == "{" {
                inParameter = true
                result += "{}"
            } else if character == "}" {
                inParameter = false
            } else if !inParameter {
                result.append(character)
            }
        }
        return result
    }
}
