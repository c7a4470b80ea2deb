import SpecforgeModel

/// The changes between two versions of one operation (matched by method and path).
struct OperationComparison {
    let old: OperationModel
    let oldGroup: APIGroup
    let new: OperationModel
    let newGroup: APIGroup
    let renames: TypeRenames
    let includeDocs: Bool

    private var subject: String { APIDiff.subject(new) }
    private var method: String { Symbols.method(new, in: newGroup) }
    private var oldMethod: String { Symbols.method(old, in: oldGroup) }

    /// A change to this operation. Its symbols are the method's signature, before and after
    /// when they differ: call sites are written against the old one.
    private func change(_ rule: DiffRule, _ message: String) -> APIChange {
        APIChange(
            rule,
            subject: subject,
            group: newGroup.typeName,
            message: message,
            symbols: oldMethod == method ? [method] : [oldMethod, method]
        )
    }

    var changes: [APIChange] {
        var changes: [APIChange] = []
        if old.operationId != new.operationId {
            changes.append(change(.operationIdChanged, "operationId '\(old.operationId)' became '\(new.operationId)'"))
        }
        if !old.deprecated, new.deprecated {
            changes.append(change(.operationDeprecated, "\(subject) is deprecated"))
        }
        if includeDocs {
            if old.summary != new.summary { changes.append(change(.summaryChanged, "the summary changed")) }
            if old.description != new.description {
                changes.append(change(.descriptionChanged, "the description changed"))
            }
        }
        changes += parameterChanges
        changes += bodyChanges
        changes += responseChanges
        if old.security != new.security {
            changes.append(
                change(
                    .securityChanged,
                    "security went from \(Self.describe(old.security)) to \(Self.describe(new.security))"
                )
            )
        }
        return changes
    }

    private var parameterChanges: [APIChange] {
        var changes: [APIChange] = []
        // Path parameters are matched by their place in the path, whatever their names.
        let renamed = Dictionary(
            zip(Self.pathParameters(old.path), Self.pathParameters(new.path)).filter { $0 != $1 },
            uniquingKeysWith: { first, _ in first }
        )
        for (before, after) in renamed.sorted(by: { $0.key < $1.key }) {
            changes.append(change(.parameterRenamed, "path parameter '\(before)' is now '\(after)'"))
        }
        let oldByName = Dictionary(
            old.parameters.map { (renamed[$0.wireName] ?? $0.wireName, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let newByName = Dictionary(new.parameters.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
        for parameter in old.parameters where newByName[renamed[parameter.wireName] ?? parameter.wireName] == nil {
            changes.append(
                change(
                    .parameterRemoved,
                    "\(parameter.location.rawValue) parameter '\(parameter.wireName)' was removed"
                )
            )
        }
        for parameter in new.parameters {
            let name = "\(parameter.location.rawValue) parameter '\(parameter.wireName)'"
            guard let before = oldByName[parameter.wireName] else {
                changes.append(
                    change(
                        parameter.required ? .requiredParameterAdded : .optionalParameterAdded,
                        "\(parameter.required ? "required" : "optional") \(name) was added"
                    )
                )
                continue
            }
            if before.location != parameter.location {
                changes.append(
                    change(
                        .parameterMoved,
                        "parameter '\(parameter.wireName)' moved from \(before.location.rawValue) to \(parameter.location.rawValue)"
                    )
                )
            }
            if renames.renaming(before.type.unwrapped) != parameter.type.unwrapped {
                changes.append(
                    change(
                        .parameterTypeChanged,
                        "\(name) changed type from \(before.type.unwrapped.swift) to \(parameter.type.unwrapped.swift)"
                    )
                )
            }
            if !before.required, parameter.required {
                changes.append(change(.parameterBecameRequired, "\(name) became required"))
            } else if before.required, !parameter.required {
                changes.append(change(.parameterBecameOptional, "\(name) became optional"))
            }
            changes += details(of: parameter, before: before, name: name)
        }
        return changes
    }

    /// What else may change about a parameter kept in place: how it is written, its default,
    /// its constraints, its documentation.
    private func details(of parameter: ParameterModel, before: ParameterModel, name: String) -> [APIChange] {
        var changes: [APIChange] = []
        if before.style != parameter.style || before.explode != parameter.explode {
            changes.append(
                change(
                    .parameterStyleChanged,
                    "\(name) went from \(Self.describeStyle(before)) to \(Self.describeStyle(parameter))"
                )
            )
        }
        if before.defaultValue != parameter.defaultValue {
            changes.append(
                change(
                    .parameterDefaultChanged,
                    "\(name)'s default went from \(before.defaultValue ?? "none") to \(parameter.defaultValue ?? "none")"
                )
            )
        }
        if !before.deprecated, parameter.deprecated {
            changes.append(change(.parameterDeprecated, "\(name) is deprecated"))
        }
        for shift in ConstraintShift.between(before.constraints, parameter.constraints) {
            changes.append(change(shift.rule(inRequests: true, inResponses: false), "\(name): \(shift.description)"))
        }
        if includeDocs {
            if before.documentation != parameter.documentation {
                changes.append(change(.descriptionChanged, "\(name)'s description changed"))
            }
            if before.example != parameter.example {
                changes.append(
                    change(
                        .exampleChanged,
                        "\(name)'s example went from \(before.example ?? "none") to \(parameter.example ?? "none")"
                    )
                )
            }
        }
        return changes
    }

    /// `form, explode` (the OpenAPI defaults spelled out when absent).
    private static func describeStyle(_ parameter: ParameterModel) -> String {
        let style =
            parameter.style ?? (parameter.location == .query || parameter.location == .cookie ? "form" : "simple")
        let explode = parameter.explode ?? (style == "form")
        return "style \(style)\(explode ? ", explode" : "")"
    }

    private var bodyChanges: [APIChange] {
        switch (old.body, new.body) {
        case (nil, nil):
            return []
        case (let before?, nil):
            return [change(.requestBodyRemoved, "the request body (\(before.type.unwrapped.swift)) was removed")]
        case (nil, let after?):
            return [
                change(
                    after.required ? .requestBodyAdded : .optionalRequestBodyAdded,
                    "a\(after.required ? " required" : "n optional") request body (\(after.type.unwrapped.swift)) was added"
                )
            ]
        case (let before?, let after?):
            var changes: [APIChange] = []
            if renames.renaming(before.type.unwrapped) != after.type.unwrapped {
                changes.append(
                    change(
                        .requestBodyTypeChanged,
                        "the request body changed from \(before.type.unwrapped.swift) to \(after.type.unwrapped.swift)"
                    )
                )
            }
            if !before.required, after.required {
                changes.append(change(.requestBodyBecameRequired, "the request body became required"))
            }
            for type in before.contentTypes where !after.contentTypes.contains(type) {
                changes.append(change(.requestContentTypeRemoved, "the request body is no longer read as \(type)"))
            }
            for type in after.contentTypes where !before.contentTypes.contains(type) {
                changes.append(change(.requestContentTypeAdded, "the request body may be sent as \(type)"))
            }
            return changes
        }
    }

    private var responseChanges: [APIChange] {
        var changes: [APIChange] = []
        let oldByStatus = Dictionary(old.responses.map { ($0.status, $0) }, uniquingKeysWith: { first, _ in first })
        let newByStatus = Dictionary(new.responses.map { ($0.status, $0) }, uniquingKeysWith: { first, _ in first })
        for response in old.responses where newByStatus[response.status] == nil {
            changes.append(change(.responseRemoved, "the \(response.status) response was removed"))
        }
        for response in new.responses {
            guard let before = oldByStatus[response.status] else {
                changes.append(change(.responseAdded, "a \(response.status) response was added"))
                continue
            }
            if before.type.map({ renames.renaming($0.unwrapped) }) != response.type?.unwrapped {
                let from = before.type?.unwrapped.swift ?? "no body"
                let to = response.type?.unwrapped.swift ?? "no body"
                changes.append(
                    change(.responseTypeChanged, "the \(response.status) response changed from \(from) to \(to)")
                )
            } else if before.contentType != response.contentType {
                changes.append(
                    change(
                        .responseContentTypeChanged,
                        "the \(response.status) response changed from \(before.contentType ?? "no body") to \(response.contentType ?? "no body")"
                    )
                )
            }
        }
        return changes
    }

    /// `/tasks/{id}/jobs/{job_id}` → `["id", "job_id"]`.
    private static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "{").dropFirst().compactMap { $0.split(separator: "}").first.map(String.init) }
    }

    private static func describe(_ security: [[String]]) -> String {
        security.isEmpty
            ? "none"
            : security.map { $0.isEmpty ? "anonymous" : $0.joined(separator: " + ") }
                .joined(separator: " or ")
    }
}
