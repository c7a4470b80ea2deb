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

    /// The group an operation belongs to: its first tag, or a name from its path (see `Grouping`).
    private func groupTag(_ operation: Operation) -> String {
        switch grouping {
        case .tags: return operation.tags.first ?? "default"
        case .paths(let prefixes): return Self.pathGroup(operation.path, prefixes: prefixes)
        }
    }

    /// The configured grouping, or by path when no operation of the document has a tag (a
    /// single `DefaultApi` of hundreds of methods helps nobody).
    private var grouping: Grouping {
        if let grouping = options.grouping { return grouping }
        let tagged = document.paths.contains { $0.operations.contains { !$0.tags.isEmpty } }
        return tagged ? .tags : .paths(prefixes: [])
    }

    static func pathGroup(_ path: String, prefixes: [(prefix: String, group: String)]) -> String {
        let matching = prefixes.filter {
            path == $0.prefix || path.hasPrefix($0.prefix.hasSuffix("/") ? $0.prefix : $0.prefix + "/")
        }
        if let longest = matching.max(by: { $0.prefix.count < $1.prefix.count }) { return longest.group }
        let segments = path.split(separator: "/").map(String.init)
        let meaningful = segments.first { segment in
            if segment.hasPrefix("{") || segment.lowercased() == "api" { return false }
            let version = segment.lowercased().drop { $0 == "v" }
            return
                !(segment.lowercased().hasPrefix("v") && !version.isEmpty
                && version.allSatisfy { $0.isNumber || $0 == "." })
        }
        return meaningful ?? "default"
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
            let operations = operationsByTag[tag]!.flatMap { operation -> [OperationModel] in
                let name = methodNames.claim(methodName(operation, tag: tag))
                // Inline types are named after the operation's own name, so that renaming a
                // method (`names.operations`) does not rename its body type too.
                let renamed = operation.operationId.map { options.operationNameOverrides[$0] != nil } ?? false
                let typeHint =
                    String(typeName.dropLast(3))
                    + SwiftNames.typeName(renamed ? automaticMethodName(operation, tag: tag) : name)
                let variants = bodyVariants(operation)
                var models = [translate(operation, name: name, typeHint: typeHint, body: variants.first)]
                // A content type whose body has a schema of its own (a message as JSON, or as a
                // form with file parts) gets a twin method that sends it: `createMultipart(…)`.
                // Parameters and responses are the operation's, translated once and shared.
                for variant in variants.dropFirst() {
                    let suffix = Self.twinSuffix(variant.content[0].contentType)
                    var twin = models[0]
                    twin.name = methodNames.claim(name + suffix)
                    var argumentNames = UniqueNames(reserved: ["options"] + twin.parameters.map(\.name))
                    twin.body = translateBody(variant, hint: typeHint + suffix, names: &argumentNames)
                    twin.operationId += "_" + SwiftNames.words(suffix).joined(separator: "_").lowercased()
                    twin.twinOf = name
                    models.append(twin)
                }
                return models
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

    /// The request body's content types grouped by schema, in document order: one group when
    /// every content type takes the same schema (CVAT sends one model as JSON or multipart),
    /// one per schema otherwise; none without a body.
    private func bodyVariants(_ operation: Operation) -> [RequestBody] {
        guard let item = operation.requestBody, let body = references.resolve(item), !body.content.isEmpty else {
            return []
        }
        var groups: [[MediaType]] = []
        for media in body.content {
            // A content type without a schema (raw bytes) goes with any other.
            if let index = groups.firstIndex(where: { group in
                guard let left = group[0].schema, let right = media.schema else { return true }
                return sameSchema(left, right)
            }) {
                groups[index].append(media)
            } else {
                groups.append([media])
            }
        }
        // The group with a schema first: it is the method's own body.
        groups.sort { ($0[0].schema != nil ? 0 : 1) < ($1[0].schema != nil ? 0 : 1) }
        return groups.map { content in
            var variant = body
            variant.content = content
            return variant
        }
    }

    /// `Multipart` for `multipart/form-data`, `Form` for URL-encoded forms, else the media
    /// type's words (`Json`, `Text`, `OctetStream`).
    static func twinSuffix(_ contentType: String) -> String {
        let media = contentType.lowercased().split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
        switch media {
        case "multipart/form-data": return "Multipart"
        case "application/x-www-form-urlencoded": return "Form"
        default:
            let subtype = media.split(separator: "/").last.map(String.init) ?? media
            return SwiftNames.typeName(subtype.split(separator: "+").last.map(String.init) ?? subtype)
        }
    }

    private func translate(_ operation: Operation, name: String, typeHint hint: String, body variant: RequestBody?)
        -> OperationModel
    {
        var argumentNames = UniqueNames(reserved: ["options"])
        let parameters = translateParameters(operation, hint: hint, names: &argumentNames)
        let body = variant.flatMap { translateBody($0, hint: hint, names: &argumentNames) }
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

    /// The body of one variant (`bodyVariants`): one Swift type serves all its content types.
    private func translateBody(_ body: RequestBody, hint: String, names: inout UniqueNames) -> BodyModel? {
        guard !body.content.isEmpty else { return nil }
        let primary = body.content.first { $0.schema != nil } ?? body.content[0]
        var type = primary.schema.map { types.translate($0, hint: hint + "Request", inObject: false) } ?? .data
        if primary.schema == nil || isBinaryContent(primary.contentType), type == .string { type = .data }
        let parameterName: String
        if case .named(let name) = type.unwrapped {
            parameterName = names.claim(SwiftNames.memberName(forType: name))
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
