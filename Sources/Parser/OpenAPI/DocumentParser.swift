import SpecforgeDiagnostics

/// Builds an `OpenAPIDocument` from the root node of a document (not through Codable), so every
/// object keeps the location and pointer that diagnostics need.
struct DocumentParser {
    /// Unowned: the loader keeps its parsers (one per file), so a strong reference would be a cycle.
    unowned let loader: DocumentLoader
    let reader: NodeReader
    let references: ReferenceMaker
    let schemas: SchemaParser
    let file: String

    var diagnostics: Diagnostics { reader.diagnostics }

    func parse(_ root: Node, version: String) -> OpenAPIDocument {
        let map = root.mapping!
        return OpenAPIDocument(
            openapi: version,
            info: info(map),
            servers: servers(map),
            paths: paths(map),
            components: components(map),
            security: map["security"].map { securityRequirements($0, at: "#/security") },
            tags: tags(map),
            file: file
        )
    }

    // MARK: - Top level

    private func info(_ map: Mapping) -> Info {
        guard let node = map["info"], let info = reader.mapping(node, at: "#/info", expected: "'info'") else {
            diagnostics.warning("the document has no 'info'", at: nil, pointer: "#/info")
            return Info(title: "API", version: "1.0", description: nil)
        }
        return Info(
            title: reader.string(info, "title", at: "#/info") ?? "API",
            version: reader.string(info, "version", at: "#/info") ?? "",
            description: reader.text(info, "description", at: "#/info")
        )
    }

    private func servers(_ map: Mapping) -> [Server] {
        guard let node = map["servers"], let items = reader.sequence(node, at: "#/servers", expected: "'servers'")
        else {
            return []
        }
        return items.enumerated().compactMap { index, item in
            let pointer = "#/servers/\(index)"
            guard let server = reader.mapping(item, at: pointer, expected: "a server"),
                let url = reader.string(server, "url", at: pointer)
            else { return nil }
            var result = Server(url: url, description: reader.text(server, "description", at: pointer))
            if let variables = server["variables"].flatMap({
                reader.mapping($0, at: pointer + "/variables", expected: "server variables")
            }) {
                result.variables = variables.entries.compactMap { entry in
                    serverVariable(entry.key, entry.value, at: JSONPointer.appending(pointer + "/variables", entry.key))
                }
            }
            return result
        }
    }

    private func serverVariable(_ name: String, _ node: Node, at pointer: String) -> ServerVariable? {
        guard let variable = reader.mapping(node, at: pointer, expected: "a server variable"),
            let defaultValue = reader.string(variable, "default", at: pointer)
        else { return nil }
        var seen: Set<String> = []
        let allowed = reader.strings(variable, "enum", at: pointer).filter { seen.insert($0).inserted }
        if !allowed.isEmpty, !allowed.contains(defaultValue), let defaultNode = variable["default"] {
            reader.diagnostics.warning(
                "the default '\(defaultValue)' of server variable '\(name)' is not one of its 'enum' values, "
                    + "which it must be; `server(…)` takes any string for it",
                at: defaultNode.location,
                pointer: JSONPointer.appending(pointer, "default")
            )
        }
        return ServerVariable(
            name: name,
            defaultValue: defaultValue,
            allowed: allowed,
            description: reader.text(variable, "description", at: pointer)
        )
    }

    private func tags(_ map: Mapping) -> [Tag] {
        guard let node = map["tags"], let items = reader.sequence(node, at: "#/tags", expected: "'tags'") else {
            return []
        }
        return items.enumerated().compactMap { index, item in
            let pointer = "#/tags/\(index)"
            guard let tag = reader.mapping(item, at: pointer, expected: "a tag"),
                let name = reader.string(tag, "name", at: pointer)
            else { return nil }
            return Tag(name: name, description: reader.text(tag, "description", at: pointer))
        }
    }

    private func components(_ map: Mapping) -> Components {
        var components = Components()
        guard let node = map["components"],
            let body = reader.mapping(node, at: "#/components", expected: "'components'")
        else { return components }
        for entry in reader.entries(body, "schemas", at: "#/components") {
            let pointer = JSONPointer.appending("#/components/schemas", entry.key)
            components.schemas.append((entry.key, schemas.parse(entry.value, at: pointer)))
        }
        for entry in reader.entries(body, "securitySchemes", at: "#/components") {
            let pointer = JSONPointer.appending("#/components/securitySchemes", entry.key)
            if let scheme = securityScheme(entry.value, at: pointer) {
                components.securitySchemes.append((entry.key, scheme))
            }
        }
        return components
    }

    func securityRequirements(_ node: Node, at pointer: String) -> [SecurityRequirement] {
        guard let items = reader.sequence(node, at: pointer, expected: "'security'") else { return [] }
        return items.enumerated().compactMap { index, item in
            guard let requirement = reader.mapping(item, at: "\(pointer)/\(index)", expected: "a security requirement")
            else { return nil }
            return SecurityRequirement(schemes: requirement.keys)
        }
    }

    private func securityScheme(_ node: Node, at pointer: String) -> SecurityScheme? {
        SecuritySchemeReader.read(node, at: pointer, diagnostics: diagnostics)
    }

    // MARK: - Paths

    private func paths(_ map: Mapping) -> [PathItem] {
        guard let node = map["paths"] else {
            if map["webhooks"] == nil {
                diagnostics.warning("the document has no 'paths'", at: nil, pointer: "#/paths")
            }
            return []
        }
        if node.scalar?.isNull == true { return [] }
        guard let paths = reader.mapping(node, at: "#/paths", expected: "'paths'") else { return [] }
        return paths.entries.compactMap { entry in
            let pointer = JSONPointer.appending("#/paths", entry.key)
            if entry.key.hasPrefix("x-") { return nil }
            guard entry.key.hasPrefix("/") else {
                diagnostics.error("path '\(entry.key)' must start with '/'", at: entry.keyLocation, pointer: pointer)
                return nil
            }
            return pathItem(entry.value, path: entry.key, at: pointer)
        }
    }

    private func pathItem(_ node: Node, path: String, at pointer: String) -> PathItem? {
        // A path item may live in another file (common in split documents).
        guard let item = resolvingReference(node, at: pointer),
            let map = reader.mapping(item.node, at: item.pointer, expected: "a path item")
        else { return nil }
        let shared = item.parser.parameterList(map, at: item.pointer)
        var operations: [Operation] = []
        for method in HTTPMethod.allCases {
            // Not in the specification, but common in split documents too: the whole operation
            // in another file.
            guard let node = map[method.rawValue],
                let target = item.parser.resolvingReference(
                    node,
                    at: JSONPointer.appending(item.pointer, method.rawValue)
                )
            else { continue }
            if let operation = target.parser.operation(
                target.node,
                method: method,
                path: path,
                shared: shared,
                at: target.pointer
            ) {
                operations.append(operation)
            }
        }
        return PathItem(path: path, operations: operations, pointer: item.pointer)
    }

    /// A node written as `$ref: …` stands for its target, read by the parser of the target's
    /// file (references inside it are relative to that file); any other node stands for
    /// itself. Nil when the target cannot be reached, which is already reported.
    func resolvingReference(_ node: Node, at pointer: String) -> (node: Node, pointer: String, parser: DocumentParser)?
    {
        guard let refNode = node["$ref"],
            let reference = references.make(refNode, at: JSONPointer.appending(pointer, "$ref"))
        else { return (node, pointer, self) }
        guard let target = loader.node(for: reference) else { return nil }
        return (target, reference.fragment, loader.parser(for: reference.file))
    }

    private func operation(
        _ node: Node,
        method: HTTPMethod,
        path: String,
        shared: [Referenceable<Parameter>],
        at pointer: String
    ) -> Operation? {
        guard let map = reader.mapping(node, at: pointer, expected: "an operation") else { return nil }
        let own = parameterList(map, at: pointer)
        return Operation(
            method: method,
            path: path,
            operationId: reader.string(map, "operationId", at: pointer),
            summary: reader.text(map, "summary", at: pointer),
            description: reader.text(map, "description", at: pointer),
            tags: reader.strings(map, "tags", at: pointer),
            deprecated: reader.bool(map, "deprecated", at: pointer) ?? false,
            parameters: merge(shared: shared, own: own),
            requestBody: map["requestBody"].flatMap {
                referenceable($0, at: JSONPointer.appending(pointer, "requestBody"), requestBody)
            },
            responses: responses(map, at: pointer),
            security: map["security"].map { securityRequirements($0, at: JSONPointer.appending(pointer, "security")) },
            location: node.location,
            pointer: pointer
        )
    }

    /// Operation parameters replace path-level ones with the same name and location.
    private func merge(shared: [Referenceable<Parameter>], own: [Referenceable<Parameter>]) -> [Referenceable<
        Parameter
    >] {
        guard !shared.isEmpty else { return own }
        func key(_ parameter: Referenceable<Parameter>) -> String? {
            if case .value(let value) = parameter { return "\(value.location.rawValue):\(value.name)" }
            return nil
        }
        let ownKeys = Set(own.compactMap(key))
        return shared.filter { key($0).map { !ownKeys.contains($0) } ?? true } + own
    }

    func referenceable<Value>(
        _ node: Node,
        at pointer: String,
        _ parse: (Node, String) -> Value?
    ) -> Referenceable<Value>? {
        if let refNode = node["$ref"] {
            return references.make(refNode, at: JSONPointer.appending(pointer, "$ref")).map { .reference($0) }
        }
        return parse(node, pointer).map { .value($0) }
    }

    private func parameterList(_ map: Mapping, at pointer: String) -> [Referenceable<Parameter>] {
        guard let node = map["parameters"] else { return [] }
        let base = JSONPointer.appending(pointer, "parameters")
        guard let items = reader.sequence(node, at: base, expected: "'parameters'") else { return [] }
        return items.enumerated().compactMap { index, item in
            referenceable(item, at: "\(base)/\(index)", parameter)
        }
    }

    func parameter(_ node: Node, at pointer: String) -> Parameter? {
        guard let map = reader.mapping(node, at: pointer, expected: "a parameter") else { return nil }
        guard let name = reader.string(map, "name", at: pointer) else {
            diagnostics.error("a parameter needs a 'name'", at: node.location, pointer: pointer)
            return nil
        }
        let locationText = reader.string(map, "in", at: pointer)
        guard let location = locationText.flatMap(ParameterLocation.init(rawValue:)) else {
            diagnostics.error(
                "parameter '\(name)' needs 'in' to be path, query, header or cookie, found '\(locationText ?? "nothing")'",
                at: node.location,
                pointer: pointer
            )
            return nil
        }
        var schema = map["schema"].map { schemas.parse($0, at: JSONPointer.appending(pointer, "schema")) }
        var contentType: String?
        if schema == nil, let content = mediaTypes(map, at: pointer).first {
            schema = content.schema
            contentType = content.contentType
        }
        if schema == nil {
            diagnostics.error(
                "parameter '\(name)' has neither 'schema' nor 'content'",
                at: node.location,
                pointer: pointer
            )
            return nil
        }
        let required = reader.bool(map, "required", at: pointer) ?? false
        if location == .path, !required {
            diagnostics.warning(
                "path parameter '\(name)' must be required; treating it as required",
                at: node.location,
                pointer: pointer
            )
        }
        return Parameter(
            name: name,
            location: location,
            description: reader.text(map, "description", at: pointer),
            required: required || location == .path,
            deprecated: reader.bool(map, "deprecated", at: pointer) ?? false,
            style: reader.string(map, "style", at: pointer),
            explode: reader.bool(map, "explode", at: pointer),
            schema: schema,
            contentType: contentType,
            sourceLocation: node.location,
            pointer: pointer
        )
    }

    func requestBody(_ node: Node, at pointer: String) -> RequestBody? {
        guard let map = reader.mapping(node, at: pointer, expected: "a request body") else { return nil }
        return RequestBody(
            description: reader.text(map, "description", at: pointer),
            required: reader.bool(map, "required", at: pointer) ?? false,
            content: mediaTypes(map, at: pointer),
            location: node.location,
            pointer: pointer
        )
    }

    private func responses(_ map: Mapping, at pointer: String) -> [(status: String, response: Referenceable<Response>)]
    {
        let base = JSONPointer.appending(pointer, "responses")
        return reader.entries(map, "responses", at: pointer).compactMap { entry in
            if entry.key.hasPrefix("x-") { return nil }
            let status = entry.key.uppercased()
            let valid = status == "DEFAULT" || (status.count == 3 && status.allSatisfy { $0.isNumber || $0 == "X" })
            guard valid else {
                diagnostics.error(
                    "response key '\(entry.key)' is not a status code, a range like 2XX, or 'default'",
                    at: entry.keyLocation,
                    pointer: JSONPointer.appending(base, entry.key)
                )
                return nil
            }
            guard let response = referenceable(entry.value, at: JSONPointer.appending(base, entry.key), response)
            else { return nil }
            return (status == "DEFAULT" ? "default" : status, response)
        }
    }

    func response(_ node: Node, at pointer: String) -> Response? {
        guard let map = reader.mapping(node, at: pointer, expected: "a response") else { return nil }
        let headers = reader.entries(map, "headers", at: pointer).map { entry -> (String, Schema?) in
            let headerPointer = JSONPointer.appending(JSONPointer.appending(pointer, "headers"), entry.key)
            let schema = entry.value["schema"].map {
                schemas.parse($0, at: JSONPointer.appending(headerPointer, "schema"))
            }
            return (entry.key, schema)
        }
        return Response(
            description: reader.text(map, "description", at: pointer),
            content: mediaTypes(map, at: pointer),
            headers: headers,
            location: node.location,
            pointer: pointer
        )
    }

    private func mediaTypes(_ map: Mapping, at pointer: String) -> [MediaType] {
        let base = JSONPointer.appending(pointer, "content")
        return reader.entries(map, "content", at: pointer).compactMap { entry in
            let mediaPointer = JSONPointer.appending(base, entry.key)
            guard
                let media = entry.value.scalar?.isNull == true
                    ? nil : reader.mapping(entry.value, at: mediaPointer, expected: "a media type")
            else { return MediaType(contentType: entry.key, schema: nil, encoding: [], pointer: mediaPointer) }
            let schema = media["schema"].map { schemas.parse($0, at: JSONPointer.appending(mediaPointer, "schema")) }
            let encoding = reader.entries(media, "encoding", at: mediaPointer).compactMap {
                item -> (String, Encoding)? in
                let encodingPointer = JSONPointer.appending(JSONPointer.appending(mediaPointer, "encoding"), item.key)
                guard let body = reader.mapping(item.value, at: encodingPointer, expected: "an encoding") else {
                    return nil
                }
                return (
                    item.key,
                    Encoding(
                        contentType: reader.string(body, "contentType", at: encodingPointer),
                        style: reader.string(body, "style", at: encodingPointer),
                        explode: reader.bool(body, "explode", at: encodingPointer)
                    )
                )
            }
            return MediaType(contentType: entry.key, schema: schema, encoding: encoding, pointer: mediaPointer)
        }
    }
}
