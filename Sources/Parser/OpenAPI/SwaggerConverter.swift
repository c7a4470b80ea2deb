import SpecforgeDiagnostics

/// Turns a Swagger 2.0 document's node tree into the OpenAPI 3.0 tree it stands for, so that
/// the rest of the pipeline sees one format. Every converted node keeps the location of the
/// Swagger text it came from, so diagnostics still point into the file as written (their JSON
/// pointers are those of the converted document: `#/components/schemas/Pet`, not
/// `#/definitions/Pet`).
///
/// - `host`, `basePath` and `schemes` become `servers`;
/// - `definitions`, `parameters`, `responses` and `securityDefinitions` move under
///   `components`, and every `$ref` to them is rewritten, in any file;
/// - `body` parameters become `requestBody`, `formData` parameters a form or multipart body
///   (multipart when the operation consumes it or a parameter is a `file`);
/// - a parameter's `type`, `format`, `items`, `enum`… move into its `schema`, and
///   `collectionFormat` becomes `style`/`explode`;
/// - responses get `content` for every type the operation produces;
/// - in schemas, `type: file` becomes binary, `x-nullable` becomes `nullable`, and a
///   `discriminator` property name becomes `{propertyName: …}`.
final class SwaggerConverter {
    private let root: Mapping
    private let rootNode: Node
    /// Converted subtrees by original node: a YAML alias stays one shared node, so conversion
    /// cannot multiply a document's size.
    private var converted: [ObjectIdentifier: Node] = [:]

    init?(_ node: Node) {
        guard let map = node.mapping, map["swagger"]?.string == "2.0" else { return nil }
        root = map
        rootNode = node
    }

    func convert() -> Node {
        var entries: [(String, SourceLocation, Node)] = []
        let versionLocation = root.entry("swagger")!.value.location
        entries.append(("openapi", versionLocation, scalar("3.0.3", at: versionLocation)))
        for entry in root.entries {
            switch entry.key {
            case "swagger", "host", "basePath", "schemes", "consumes", "produces", "definitions", "parameters",
                "responses", "securityDefinitions":
                continue
            case "paths":
                entries.append((entry.key, entry.keyLocation, paths(entry.value)))
            default:
                entries.append((entry.key, entry.keyLocation, rewritingReferences(entry.value)))
            }
        }
        if let servers = servers() { entries.append(("servers", rootNode.location, servers)) }
        if let components = components() { entries.append(("components", rootNode.location, components)) }
        return mapping(entries, at: rootNode.location)
    }

    // MARK: - Document level

    private func servers() -> Node? {
        guard root["host"] != nil || root["basePath"] != nil else { return nil }
        let host = root["host"]?.string
        let basePath = root["basePath"]?.string ?? ""
        let schemes = root["schemes"]?.sequence?.compactMap(\.string) ?? []
        let urls: [String]
        if let host {
            urls = (schemes.isEmpty ? ["https"] : schemes).map { "\($0)://\(host)\(basePath)" }
        } else {
            urls = [basePath.isEmpty ? "/" : basePath]
        }
        let location = (root["host"] ?? root["basePath"])!.location
        return sequence(urls.map { mapping([("url", location, scalar($0, at: location))], at: location) }, at: location)
    }

    private func components() -> Node? {
        var entries: [(String, SourceLocation, Node)] = []
        if let definitions = root.entry("definitions") {
            entries.append(("schemas", definitions.keyLocation, rewritingReferences(definitions.value)))
        }
        if let parameters = root.entry("parameters"), let map = parameters.value.mapping {
            // Body and form parameters have no OpenAPI 3 component: operations inline them.
            let plain = map.entries.filter { !["body", "formData"].contains($0.value["in"]?.string) }
            entries.append(
                (
                    "parameters", parameters.keyLocation,
                    mapping(plain.map { ($0.key, $0.keyLocation, parameter($0.value)) }, at: parameters.value.location)
                )
            )
        }
        if let responses = root.entry("responses"), let map = responses.value.mapping {
            let produces = mediaTypes(root["produces"], fallback: ["application/json"])
            entries.append(
                (
                    "responses", responses.keyLocation,
                    mapping(
                        map.entries.map { ($0.key, $0.keyLocation, response($0.value, produces: produces)) },
                        at: responses.value.location
                    )
                )
            )
        }
        if let schemes = root.entry("securityDefinitions"), let map = schemes.value.mapping {
            entries.append(
                (
                    "securitySchemes", schemes.keyLocation,
                    mapping(
                        map.entries.map { ($0.key, $0.keyLocation, securityScheme($0.value)) },
                        at: schemes.value.location
                    )
                )
            )
        }
        return entries.isEmpty ? nil : mapping(entries, at: rootNode.location)
    }

    private func securityScheme(_ node: Node) -> Node {
        guard let map = node.mapping else { return node }
        let location = node.location
        switch map["type"]?.string {
        case "basic":
            return mapping(
                [("type", location, scalar("http", at: location)), ("scheme", location, scalar("basic", at: location))]
                    + copied(map, ["description"]),
                at: location
            )
        case "oauth2":
            let flowNames = [
                "implicit": "implicit", "password": "password", "application": "clientCredentials",
                "accessCode": "authorizationCode",
            ]
            let flowName = flowNames[map["flow"]?.string ?? ""] ?? "implicit"
            let flow = mapping(copied(map, ["authorizationUrl", "tokenUrl", "scopes"]), at: location)
            return mapping(
                [
                    ("type", location, scalar("oauth2", at: location)),
                    ("flows", location, mapping([(flowName, location, flow)], at: location)),
                ] + copied(map, ["description"]),
                at: location
            )
        default:
            return node
        }
    }

    // MARK: - Paths and operations

    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch"]

    private func paths(_ node: Node) -> Node {
        guard let map = node.mapping else { return node }
        return mapping(map.entries.map { ($0.key, $0.keyLocation, pathItem($0.value)) }, at: node.location)
    }

    private func pathItem(_ node: Node) -> Node {
        guard let map = node.mapping else { return node }
        let shared = map["parameters"]?.sequence ?? []
        var entries: [(String, SourceLocation, Node)] = []
        for entry in map.entries {
            if Self.methods.contains(entry.key) {
                entries.append((entry.key, entry.keyLocation, operation(entry.value, shared: shared)))
            } else if entry.key == "parameters" {
                let plain = entry.value.sequence?.filter { !isBodyOrForm($0) } ?? []
                entries.append((entry.key, entry.keyLocation, sequence(plain.map(parameter), at: entry.value.location)))
            } else {
                entries.append((entry.key, entry.keyLocation, rewritingReferences(entry.value)))
            }
        }
        return mapping(entries, at: node.location)
    }

    private func operation(_ node: Node, shared: [Node]) -> Node {
        guard let map = node.mapping else { return node }
        let consumes = mediaTypes(map["consumes"] ?? root["consumes"], fallback: ["application/json"])
        let produces = mediaTypes(map["produces"] ?? root["produces"], fallback: ["application/json"])
        let own = map["parameters"]?.sequence ?? []
        let all = (shared + own).map(resolvedLocalParameter)
        var entries: [(String, SourceLocation, Node)] = []
        for entry in map.entries {
            switch entry.key {
            case "consumes", "produces":
                continue
            case "parameters":
                let plain = own.filter { !isBodyOrForm($0) }
                entries.append((entry.key, entry.keyLocation, sequence(plain.map(parameter), at: entry.value.location)))
            case "responses":
                let responses = entry.value.mapping?.entries ?? []
                entries.append(
                    (
                        entry.key, entry.keyLocation,
                        mapping(
                            responses.map { ($0.key, $0.keyLocation, response($0.value, produces: produces)) },
                            at: entry.value.location
                        )
                    )
                )
            default:
                entries.append((entry.key, entry.keyLocation, rewritingReferences(entry.value)))
            }
        }
        if let body = requestBody(all, consumes: consumes, at: map.entry("parameters")?.keyLocation ?? node.location) {
            entries.append(("requestBody", node.location, body))
        }
        return mapping(entries, at: node.location)
    }

    /// `$ref: '#/parameters/x'` to a body or form parameter, looked up (those are inlined).
    private func resolvedLocalParameter(_ node: Node) -> Node {
        guard let text = node["$ref"]?.string, text.hasPrefix("#/parameters/") else { return node }
        let name = JSONPointer.segments(String(text.dropFirst("#/parameters/".count))).first ?? ""
        return root["parameters"]?[name] ?? node
    }

    private func isBodyOrForm(_ node: Node) -> Bool {
        let location = resolvedLocalParameter(node)["in"]?.string
        return location == "body" || location == "formData"
    }

    private func requestBody(_ parameters: [Node], consumes: [String], at location: SourceLocation) -> Node? {
        if let body = parameters.first(where: { $0["in"]?.string == "body" }) {
            let schema = body["schema"].map(rewritingReferences) ?? mapping([], at: body.location)
            return mapping(
                [("content", body.location, content(consumes, schema: schema, at: body.location))]
                    + copied(body.mapping!, ["description", "required"]),
                at: body.location
            )
        }
        let form = parameters.filter { $0["in"]?.string == "formData" }
        guard !form.isEmpty else { return nil }
        let hasFile = form.contains { $0["type"]?.string == "file" }
        let mediaType =
            hasFile || consumes.contains("multipart/form-data")
            ? "multipart/form-data" : "application/x-www-form-urlencoded"
        var properties: [(String, SourceLocation, Node)] = []
        var required: [Node] = []
        for item in form {
            guard let name = item["name"]?.string else { continue }
            properties.append((name, item.location, parameterSchema(item)))
            if item["required"]?.scalar?.bool == true { required.append(scalar(name, at: item.location)) }
        }
        var schema: [(String, SourceLocation, Node)] = [
            ("type", location, scalar("object", at: location)),
            ("properties", location, mapping(properties, at: location)),
        ]
        if !required.isEmpty { schema.append(("required", location, sequence(required, at: location))) }
        let body = content([mediaType], schema: mapping(schema, at: location), at: location)
        var entries = [("content", location, body)]
        if !required.isEmpty { entries.append(("required", location, plain("true", at: location))) }
        return mapping(entries, at: location)
    }

    private func response(_ node: Node, produces: [String]) -> Node {
        guard let map = node.mapping, map["$ref"] == nil else { return rewritingReferences(node) }
        var entries: [(String, SourceLocation, Node)] = []
        for entry in map.entries {
            switch entry.key {
            case "schema":
                let schema = rewritingReferences(entry.value)
                entries.append(("content", entry.keyLocation, content(produces, schema: schema, at: entry.keyLocation)))
            case "headers":
                let headers = entry.value.mapping?.entries ?? []
                entries.append(
                    (
                        entry.key, entry.keyLocation,
                        mapping(headers.map { ($0.key, $0.keyLocation, parameter($0.value)) }, at: entry.value.location)
                    )
                )
            case "examples":
                continue
            default:
                entries.append((entry.key, entry.keyLocation, rewritingReferences(entry.value)))
            }
        }
        return mapping(entries, at: node.location)
    }

    // MARK: - Parameters

    private static let schemaKeys: Set<String> = [
        "type", "format", "items", "enum", "default", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "multipleOf",
    ]

    /// A query, header, path or cookie parameter (or a response header): its type moves into `schema`.
    private func parameter(_ node: Node) -> Node {
        guard let map = node.mapping, map["$ref"] == nil else { return rewritingReferences(node) }
        var entries: [(String, SourceLocation, Node)] = []
        for entry in map.entries where !Self.schemaKeys.contains(entry.key) && entry.key != "collectionFormat" {
            entries.append((entry.key, entry.keyLocation, rewritingReferences(entry.value)))
        }
        if map["schema"] == nil {
            entries.append(("schema", node.location, parameterSchema(node)))
        }
        switch map["collectionFormat"]?.string {
        case "multi":
            entries.append(("style", node.location, scalar("form", at: node.location)))
            entries.append(("explode", node.location, plain("true", at: node.location)))
        case "ssv":
            entries.append(("style", node.location, scalar("spaceDelimited", at: node.location)))
            entries.append(("explode", node.location, plain("false", at: node.location)))
        case "pipes":
            entries.append(("style", node.location, scalar("pipeDelimited", at: node.location)))
            entries.append(("explode", node.location, plain("false", at: node.location)))
        case "csv":
            entries.append(("explode", node.location, plain("false", at: node.location)))
        default:
            // 2.0's default for arrays is csv; 3.0's is exploded.
            if map["type"]?.string == "array" {
                entries.append(("explode", node.location, plain("false", at: node.location)))
            }
        }
        return mapping(entries, at: node.location)
    }

    private func parameterSchema(_ node: Node) -> Node {
        guard let map = node.mapping else { return node }
        let kept = map.entries.filter { Self.schemaKeys.contains($0.key) }
        return schema(mapping(kept.map { ($0.key, $0.keyLocation, $0.value) }, at: node.location))
    }

    // MARK: - Schemas and references

    /// The subtree with `$ref`s pointing at the new places and 2.0-only schema keywords
    /// replaced by their 3.0 spelling.
    private func rewritingReferences(_ node: Node) -> Node {
        if let done = converted[ObjectIdentifier(node)] { return done }
        let result: Node
        switch node.content {
        case .scalar:
            return node
        case .sequence(let items):
            result = sequence(items.map(rewritingReferences), at: node.location)
        case .mapping:
            result = schema(node)
        }
        converted[ObjectIdentifier(node)] = result
        return result
    }

    private func schema(_ node: Node) -> Node {
        guard let map = node.mapping else { return node }
        var entries: [(String, SourceLocation, Node)] = []
        let isFile = map["type"]?.string == "file"
        for entry in map.entries {
            let value = entry.value
            switch entry.key {
            case "$ref" where value.string != nil:
                entries.append(
                    (entry.key, entry.keyLocation, scalar(Self.rewritten(value.string!), at: value.location))
                )
            case "type" where isFile:
                entries.append(("type", entry.keyLocation, scalar("string", at: value.location)))
                entries.append(("format", entry.keyLocation, scalar("binary", at: value.location)))
            case "x-nullable":
                entries.append(("nullable", entry.keyLocation, value))
            case "discriminator" where value.scalar != nil:
                entries.append(
                    (
                        entry.key, entry.keyLocation,
                        mapping([("propertyName", value.location, value)], at: value.location)
                    )
                )
            case "properties", "definitions", "patternProperties":
                // Keys here are names, not keywords.
                let named = value.mapping?.entries.map { ($0.key, $0.keyLocation, rewritingReferences($0.value)) }
                entries.append((entry.key, entry.keyLocation, named.map { mapping($0, at: value.location) } ?? value))
            default:
                entries.append((entry.key, entry.keyLocation, rewritingReferences(value)))
            }
        }
        return mapping(entries, at: node.location)
    }

    /// `#/definitions/Pet` → `#/components/schemas/Pet`, also after a file name.
    static func rewritten(_ reference: String) -> String {
        guard let hash = reference.firstIndex(of: "#") else { return reference }
        let file = reference[..<hash]
        let fragment = reference[hash...]
        for (old, new) in [
            ("#/definitions/", "#/components/schemas/"), ("#/parameters/", "#/components/parameters/"),
            ("#/responses/", "#/components/responses/"),
        ] where fragment.hasPrefix(old) {
            return file + new + fragment.dropFirst(old.count)
        }
        return reference
    }

    // MARK: - Building nodes

    private func mediaTypes(_ node: Node?, fallback: [String]) -> [String] {
        let types = node?.sequence?.compactMap(\.string) ?? []
        return types.isEmpty ? fallback : types
    }

    private func content(_ mediaTypes: [String], schema: Node, at location: SourceLocation) -> Node {
        mapping(
            mediaTypes.map { ($0, location, mapping([("schema", location, schema)], at: location)) },
            at: location
        )
    }

    private func copied(_ map: Mapping, _ keys: [String]) -> [(String, SourceLocation, Node)] {
        keys.compactMap { key in map.entry(key).map { (key, $0.keyLocation, rewritingReferences($0.value)) } }
    }

    private func scalar(_ text: String, at location: SourceLocation) -> Node {
        Node(.scalar(Scalar(value: text, isPlain: false)), location: location, weight: 1)
    }

    private func plain(_ text: String, at location: SourceLocation) -> Node {
        Node(.scalar(Scalar(value: text, isPlain: true)), location: location, weight: 1)
    }

    private func sequence(_ items: [Node], at location: SourceLocation) -> Node {
        Node(.sequence(items), location: location, weight: items.reduce(1) { $0 + $1.weight })
    }

    private func mapping(_ entries: [(String, SourceLocation, Node)], at location: SourceLocation) -> Node {
        var index = KeyIndex()
        var kept: [Mapping.Entry] = []
        for (key, keyLocation, value) in entries where index.position(of: key, in: kept) == nil {
            kept.append(Mapping.Entry(key: key, keyLocation: keyLocation, value: value))
            index.appended(to: kept)
        }
        return Node(
            .mapping(Mapping(entries: kept, index: index)),
            location: location,
            weight: kept.reduce(1) { $0 + $1.value.weight }
        )
    }
}
