import SpecforgeDiagnostics
import SpecforgeParser

/// Groups operations by tag and gives each typed parameters, a body and responses.
struct OperationTranslator {
    let references: ResolvedDocument
    let types: TypeTranslator
    let options: ModelOptions

    var document: OpenAPIDocument { references.document }
    var diagnostics: Diagnostics { types.diagnostics }

    /// The operations kept by the include/exclude options, in document order.
    private var keptOperations: [Operation] {
        document.paths.flatMap(\.operations).filter(isKept)
    }

    private func isKept(_ operation: Operation) -> Bool {
        let tag = groupTag(operation)
        if let include = options.includeTags, !include.contains(tag) { return false }
        if options.excludeTags.contains(tag) { return false }
        if let include = options.includePaths, !include.contains(where: { operation.path.hasPrefix($0) }) {
            return false
        }
        if options.excludePaths.contains(where: { operation.path.hasPrefix($0) }) { return false }
        let id = operation.operationId ?? ""
        if let include = options.includeOperations, !include.contains(id) { return false }
        return !options.excludeOperations.contains(id)
    }

    private func groupTag(_ operation: Operation) -> String {
        operation.tags.first ?? "default"
    }

    /// One `<Tag>Api` type name per tag, claimed before inline types can take them.
    func claimGroupNames() -> [String: String] {
        var names: [String: String] = [:]
        for tag in Set(keptOperations.map(groupTag)).sorted() {
            names[tag] = types.typeNames.claim(SwiftNames.safeTypeName(tag) + "Api")
        }
        return names
    }

    func translateGroups(names: [String: String]) -> [APIGroup] {
        var operationsByTag: [String: [Operation]] = [:]
        var seenIds: [String: Operation] = [:]
        for operation in keptOperations {
            if let id = operation.operationId {
                if let first = seenIds[id] {
                    diagnostics.error(
                        "duplicate operationId '\(id)' (first used by \(first.method.rawValue.uppercased()) \(first.path))",
                        at: operation.location,
                        pointer: operation.pointer
                    )
                    continue
                }
                seenIds[id] = operation
            }
            operationsByTag[groupTag(operation), default: []].append(operation)
        }
        let descriptions = Dictionary(
            document.tags.map { ($0.name, $0.description) },
            uniquingKeysWith: { first, _ in first }
        )
        return operationsByTag.keys.sorted().map { tag in
            let typeName = names[tag]!
            var methodNames = UniqueNames()
            let operations = operationsByTag[tag]!.map { operation in
                let name = methodNames.claim(methodName(operation, tag: tag))
                // Inline types are named after the operation's own name, so that renaming a
                // method (`names.operations`) does not rename its body type too.
                let renamed = operation.operationId.map { options.operationNameOverrides[$0] != nil } ?? false
                let typeHint = renamed ? automaticMethodName(operation, tag: tag) : name
                return translate(
                    operation,
                    name: name,
                    typeHint: String(typeName.dropLast(3)) + SwiftNames.typeName(typeHint)
                )
            }
            return APIGroup(
                typeName: typeName,
                propertyName: Self.propertyName(forGroup: typeName),
                tag: tag,
                description: descriptions[tag] ?? nil,
                operations: operations
            )
        }
    }

    /// Why a parameter of `type` cannot be sent usefully where it goes, if it cannot: OpenAPI
    /// gives objects a serialisation only in a query (`form`, `deepObject`); in a header, path
    /// or cookie an object becomes `key,value,…` text that servers read as one string, and
    /// an array of objects or arrays has no serialisation at all.
    private func serialisationProblem(_ type: TypeRef, in location: ParameterLocation, style: String?) -> String? {
        func isObject(_ type: TypeRef) -> Bool {
            switch type.unwrapped {
            case .map: return true
            case .named(let name): return types.structNames.contains(name)
            default: return false
            }
        }
        if case .array(let element) = type {
            var isNested = isObject(element)
            if case .array = element.unwrapped { isNested = true }
            if isNested {
                return "is an array of objects or arrays, which no parameter style can serialise; "
                    + "describe it with `content: {application/json: …}` or as a request body"
            }
        }
        guard isObject(type) else { return nil }
        switch location {
        case .query:
            guard let style, style != "form", style != "deepObject" else { return nil }
            return "is an object, which style '\(style)' cannot serialise; use 'form' or 'deepObject'"
        case .header, .path, .cookie:
            return "is an object: it would be sent as 'key,value,…' text (style simple), which servers rarely "
                + "read as an object; give it a string schema, or `content: {application/json: …}`"
        }
    }

    /// `TasksApi` → `tasksApi`; a name that would start with a digit (`_1ClickApi`) gets a
    /// word in front instead, as `_1ClickApi` would shadow the type inside `ApiClient`.
    static func propertyName(forGroup typeName: String) -> String {
        let name = SwiftNames.lowercaseFirst(typeName)
        return name.first?.isNumber == true ? "api" + name : name
    }

    /// `tasks_create_backup_export` in tag `tasks` → `createBackupExport`; without an id,
    /// method and path: `GET /pets/{id}` → `getPetsId`.
    private func methodName(_ operation: Operation, tag: String) -> String {
        if let id = operation.operationId, let override = options.operationNameOverrides[id] { return override }
        return automaticMethodName(operation, tag: tag)
    }

    private func automaticMethodName(_ operation: Operation, tag: String) -> String {
        guard let id = operation.operationId, !SwiftNames.words(id).isEmpty else {
            return SwiftNames.safeMemberName(operation.method.rawValue + " " + operation.path)
        }
        let tagWords = SwiftNames.words(tag).map { $0.lowercased() }
        let idWords = SwiftNames.words(id)
        var name = id
        if idWords.count > tagWords.count, Array(idWords.prefix(tagWords.count)).map({ $0.lowercased() }) == tagWords {
            name = idWords.dropFirst(tagWords.count).joined(separator: "_")
        }
        return SwiftNames.safeMemberName(name)
    }

    private func translate(_ operation: Operation, name: String, typeHint hint: String) -> OperationModel {
        var argumentNames = UniqueNames(reserved: ["options"])
        let parameters = translateParameters(operation, hint: hint, names: &argumentNames)
        let body = operation.requestBody.flatMap { translateBody($0, hint: hint, names: &argumentNames) }
        let responses = translateResponses(operation, hint: hint)
        let primary = responses.first { $0.isPrimary }
        let security = (operation.security ?? document.security)?.map(\.schemes) ?? options.defaultSecurity ?? []
        return OperationModel(
            name: name,
            operationId: operation.operationId ?? name,
            method: operation.method.rawValue,
            path: operation.path,
            summary: operation.summary,
            description: operation.description,
            deprecated: operation.deprecated,
            parameters: parameters,
            body: body,
            responses: responses,
            returnType: primary?.type,
            security: security,
            pageItemType: pageItemType(primary?.type),
            pointer: operation.pointer
        )
    }

    private func pageItemType(_ type: TypeRef?) -> TypeRef? {
        guard case .named(let name)? = type,
            let declaration = types.declarations.first(where: { $0.name == name }),
            case .structure(let model) = declaration.kind
        else { return nil }
        return model.pageItemType
    }

    private func translateParameters(_ operation: Operation, hint: String, names: inout UniqueNames) -> [ParameterModel]
    {
        var seen: Set<String> = []
        var result: [ParameterModel] = []
        for item in operation.parameters {
            guard let parameter = references.resolve(item), let schema = parameter.schema else { continue }
            guard seen.insert("\(parameter.location.rawValue):\(parameter.name)").inserted else {
                diagnostics.warning(
                    "parameter '\(parameter.name)' in \(parameter.location.rawValue) is listed twice; the first is used",
                    at: parameter.sourceLocation,
                    pointer: parameter.pointer
                )
                continue
            }
            if parameter.location == .path, !operation.path.contains("{\(parameter.name)}") {
                diagnostics.warning(
                    "path parameter '\(parameter.name)' does not appear in '\(operation.path)'",
                    at: parameter.sourceLocation,
                    pointer: parameter.pointer
                )
            }
            let type = types.translate(schema, hint: hint + SwiftNames.typeName(parameter.name), inObject: false)
            if let problem = serialisationProblem(type.unwrapped, in: parameter.location, style: parameter.style) {
                diagnostics.warning(
                    "\(parameter.location.rawValue) parameter '\(parameter.name)' \(problem)",
                    at: parameter.sourceLocation,
                    pointer: parameter.pointer
                )
            }
            let annotations = types.annotations(of: schema)
            result.append(
                ParameterModel(
                    name: names.claim(SwiftNames.safeMemberName(parameter.name)),
                    wireName: parameter.name,
                    location: ParameterModel.Location(rawValue: parameter.location.rawValue)!,
                    type: parameter.required ? type : type.optional,
                    required: parameter.required,
                    style: parameter.style,
                    explode: parameter.explode,
                    deprecated: parameter.deprecated,
                    documentation: parameter.description ?? schema.description,
                    defaultValue: annotations.defaultValue,
                    example: annotations.example,
                    constraints: annotations.constraints
                )
            )
        }
        // Path parameters first, in path order, then other required ones, then optional ones:
        // the order a caller reads them in.
        let pathOrder = { (parameter: ParameterModel) -> Int in
            operation.path.firstRange(of: "{\(parameter.wireName)}").map {
                operation.path.distance(from: operation.path.startIndex, to: $0.lowerBound)
            } ?? Int.max
        }
        let path = result.filter { $0.location == .path }.sorted { pathOrder($0) < pathOrder($1) }
        let required = result.filter { $0.required && $0.location != .path }
        return path + required + result.filter { !$0.required }
    }

    private func translateBody(_ item: Referenceable<RequestBody>, hint: String, names: inout UniqueNames) -> BodyModel?
    {
        guard let body = references.resolve(item), !body.content.isEmpty else { return nil }
        // One Swift type serves every content type: the schemas are the same in practice (CVAT
        // sends one model as JSON or multipart). When they differ, the first one wins.
        let primary = body.content.first { $0.schema != nil } ?? body.content[0]
        if let schema = primary.schema,
            body.content.contains(where: { $0.schema.map { !sameSchema($0, schema) } ?? false })
        {
            diagnostics.warning(
                "the request body has different schemas per content type; the one of '\(primary.contentType)' is used for all",
                at: body.location,
                pointer: body.pointer
            )
        }
        var type = primary.schema.map { types.translate($0, hint: hint + "Request", inObject: false) } ?? .data
        if primary.schema == nil || isBinaryContent(primary.contentType), type == .string { type = .data }
        let parameterName: String
        if case .named(let name) = type.unwrapped {
            parameterName = names.claim(SwiftNames.lowercaseFirst(name))
        } else {
            parameterName = names.claim("body")
        }
        return BodyModel(
            parameterName: parameterName,
            type: body.required ? type : type.optional,
            required: body.required,
            contentTypes: body.content.map(\.contentType),
            documentation: body.description,
            formEncoding: formEncoding(of: body)
        )
    }

    private func sameSchema(_ first: Schema, _ second: Schema) -> Bool {
        if let left = first.reference, let right = second.reference { return left == right }
        return first === second || (first.pointer == second.pointer)
    }

    private func isBinaryContent(_ contentType: String) -> Bool {
        !(contentType.contains("json") || contentType.hasPrefix("text/") || contentType.contains("form"))
    }

    private func translateResponses(_ operation: Operation, hint: String) -> [ResponseModel] {
        var result: [ResponseModel] = []
        var primaryType: TypeRef?
        let ordered = operation.responses.sorted { Self.rank($0.status) < Self.rank($1.status) }
        for (status, item) in ordered {
            guard let response = references.resolve(item) else { continue }
            let media = response.content.first { $0.contentType.contains("json") } ?? response.content.first
            var type: TypeRef?
            if let media, media.contentType.lowercased().hasPrefix("text/event-stream") {
                type = .eventStream
            } else if let media {
                if let schema = media.schema {
                    let suffix =
                        status.hasPrefix("2") && ordered.filter({ $0.status.hasPrefix("2") }).count == 1 ? "" : status
                    type = types.translate(schema, hint: hint + "Response" + suffix, inObject: false)
                    if isBinaryContent(media.contentType), type == .string { type = .data }
                } else {
                    type = isBinaryContent(media.contentType) ? .data : .string
                }
            }
            let isSuccess = status.hasPrefix("2")
            if isSuccess, primaryType == nil, let type { primaryType = type }
            result.append(
                ResponseModel(
                    status: status,
                    contentType: media?.contentType,
                    type: type,
                    isPrimary: isSuccess && type != nil && type == primaryType,
                    description: response.description,
                    contentTypes: response.content.map(\.contentType),
                    headers: response.headers.map(\.name)
                )
            )
        }
        // Keep the document's order for display; primary flags are settled.
        return operation.responses.compactMap { status, _ in result.first { $0.status == status } }
    }

    /// 2XX responses first, most specific first, then the rest; `default` last.
    private static func rank(_ status: String) -> Int {
        if status == "default" { return 10_000 }
        let value = Int(String(status.map { $0 == "X" ? "9" : $0 })) ?? 999
        return status.hasPrefix("2") ? value : 1_000 + value
    }
}
