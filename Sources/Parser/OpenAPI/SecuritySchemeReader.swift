import SpecforgeDiagnostics

/// Reads one security scheme as OpenAPI spells it (`type: http` with `scheme`, `apiKey` with
/// `name` and `in`, `oauth2`, `openIdConnect`, `mutualTLS`; `x-token-prefix`): for the document's
/// `components/securitySchemes`, and for the configuration's `securitySchemes`, which uses the
/// same spelling, so both reach the model the same way.
public enum SecuritySchemeReader {
    public static func read(_ node: Node, at pointer: String, diagnostics: Diagnostics) -> SecurityScheme? {
        let reader = NodeReader(diagnostics: diagnostics)
        if let reference = node["$ref"] {
            diagnostics.warning(
                "a security scheme given by '$ref' is not supported and is ignored",
                at: reference.location,
                pointer: pointer
            )
            return nil
        }
        guard let map = reader.mapping(node, at: pointer, expected: "a security scheme") else { return nil }
        let description = reader.text(map, "description", at: pointer)
        let prefix = reader.string(map, "x-token-prefix", at: pointer)
        switch reader.string(map, "type", at: pointer) {
        case "http":
            let scheme = reader.string(map, "scheme", at: pointer) ?? "bearer"
            return SecurityScheme(
                kind: .http(scheme: scheme.lowercased(), bearerFormat: reader.string(map, "bearerFormat", at: pointer)),
                description: description,
                tokenPrefix: prefix
            )
        case "apiKey":
            let name = reader.string(map, "name", at: pointer) ?? ""
            let location = reader.string(map, "in", at: pointer).flatMap(ParameterLocation.init(rawValue:))
            guard !name.isEmpty, let location, location != .path else {
                diagnostics.error(
                    "an apiKey security scheme needs 'name' and 'in' (header, query or cookie)",
                    at: node.location,
                    pointer: pointer
                )
                return nil
            }
            return SecurityScheme(
                kind: .apiKey(name: name, location: location),
                description: description,
                tokenPrefix: prefix
            )
        case "oauth2":
            return SecurityScheme(kind: .oauth2, description: description, tokenPrefix: prefix)
        case "openIdConnect":
            return SecurityScheme(kind: .openIdConnect, description: description, tokenPrefix: prefix)
        case "mutualTLS":
            return SecurityScheme(kind: .mutualTLS, description: description, tokenPrefix: prefix)
        case let other:
            diagnostics.error(
                "unknown security scheme type '\(other ?? "")'",
                at: map.entry("type")?.value.location ?? node.location,
                pointer: JSONPointer.appending(pointer, "type")
            )
            return nil
        }
    }
}
