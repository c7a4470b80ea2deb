import SpecforgeDiagnostics

/// The parser stage's product: a document with every `$ref` it reaches already read, parsed
/// and followed, and the diagnostics found on the way.
///
/// It is an immutable value. The model stage looks references up in it and needs nothing
/// else: no loader, no file system, no shared diagnostics, so two documents can be translated
/// side by side (`specforge diff`). A reference that cannot be resolved (missing file, missing
/// target, a cycle of plain references) was reported while loading and looks up as nil.
public struct ResolvedDocument: Sendable {
    public let document: OpenAPIDocument
    /// Every file read, the root document and those reached by `$ref`, sorted by path.
    public let files: [String]
    /// What loading found wrong that did not stop it, in the order found.
    public let diagnostics: [Diagnostic]

    /// The schema at each reference target (which may itself be a reference), by reference key.
    let schemas: [String: Schema]
    /// Shared parameters, request bodies and responses, by the key of the first reference.
    let parameters: [String: Parameter]
    let requestBodies: [String: RequestBody]
    let responses: [String: Response]

    /// The schema a reference points at; nil when it could not be read.
    public func schema(for reference: Reference) -> Schema? {
        schemas[reference.key]
    }

    /// Follows `$ref` chains to a schema that is not a plain reference, and names the last
    /// reference followed. Nil for a broken chain or a cycle.
    public func resolveSchema(_ schema: Schema) -> (schema: Schema, reference: Reference?)? {
        var current = schema
        var lastReference: Reference?
        var visited: Set<String> = []
        while current.isPlainReference, let reference = current.reference {
            guard visited.insert(reference.key).inserted, let target = schemas[reference.key] else { return nil }
            current = target
            lastReference = reference
        }
        return (current, lastReference)
    }

    public func resolve(_ parameter: Referenceable<Parameter>) -> Parameter? {
        Self.lookUp(parameter, in: parameters)
    }

    public func resolve(_ body: Referenceable<RequestBody>) -> RequestBody? {
        Self.lookUp(body, in: requestBodies)
    }

    public func resolve(_ response: Referenceable<Response>) -> Response? {
        Self.lookUp(response, in: responses)
    }

    private static func lookUp<Value>(_ item: Referenceable<Value>, in table: [String: Value]) -> Value? {
        switch item {
        case .value(let value): value
        case .reference(let reference): table[reference.key]
        }
    }
}
