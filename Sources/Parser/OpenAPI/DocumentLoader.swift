import Foundation
import SpecforgeDiagnostics

/// The parser stage: reads a document and every file its `$ref`s reach, follows the references
/// (local pointers, relative files, chains, cycles) and hands over a `ResolvedDocument`.
public final class DocumentLoader {
    let diagnostics = Diagnostics()
    let limits: LoaderLimits
    private var roots: [String: Node] = [:]
    private var unreadable: Set<String> = []
    private(set) var schemaCache: [String: Schema] = [:]
    private var reportedCycles: Set<Set<String>> = []
    private var parsers: [String: DocumentParser] = [:]
    private(set) var parameters: [String: Parameter] = [:]
    private(set) var requestBodies: [String: RequestBody] = [:]
    private(set) var responses: [String: Response] = [:]
    /// Shared components already resolved, found or not, by kind and first reference.
    private var resolvedComponents: Set<String> = []
    private var isOpenAPI31 = false

    init(limits: LoaderLimits = LoaderLimits()) {
        self.limits = limits
    }

    /// The stage's entry point: loads the document at `path` and everything it refers to.
    /// Fatal problems (unreadable file, malformed YAML, not an OpenAPI document) are thrown;
    /// everything else is in the result's `diagnostics`.
    public static func load(path: String, limits: LoaderLimits = LoaderLimits()) throws(Diagnostic)
        -> ResolvedDocument
    {
        let loader = DocumentLoader(limits: limits)
        let file = FilePath.resolve(path, against: FileManager.default.currentDirectoryPath)
        let document = try loader.document(from: try loader.readRoot(file, requestedAt: nil), file: file)
        return loader.resolvingEverything(in: document)
    }

    /// Loads a document given as bytes, named `path` in diagnostics; its relative `$ref`s are
    /// resolved against `path`'s directory.
    public static func load(contents: [UInt8], path: String, limits: LoaderLimits = LoaderLimits())
        throws(Diagnostic) -> ResolvedDocument
    {
        let loader = DocumentLoader(limits: limits)
        let file = FilePath.resolve(path, against: FileManager.default.currentDirectoryPath)
        let root = Self.convertingSwagger(try DocumentText.parse(contents, file: file, limits: loader.limits))
        loader.roots[file] = root
        return loader.resolvingEverything(in: try loader.document(from: root, file: file))
    }

    private func document(from root: Node, file: String) throws(Diagnostic) -> OpenAPIDocument {
        guard let map = root.mapping else {
            throw Diagnostic.error(
                "an OpenAPI document must be a mapping, found \(root.kindName)",
                at: root.location,
                pointer: "#"
            )
        }
        if let swagger = map["swagger"] {
            throw Diagnostic.error(
                "Swagger '\(swagger.string ?? swagger.kindName)' is not supported; expected 2.0, or OpenAPI 3.0.x or 3.1.x",
                at: swagger.location,
                pointer: "#/swagger"
            )
        }
        guard let versionNode = map["openapi"] else {
            throw Diagnostic.error(
                "not an OpenAPI document: the root has no 'openapi' version field",
                at: root.location,
                pointer: "#"
            )
        }
        guard let version = versionNode.string,
            version.hasPrefix("3.0") || version.hasPrefix("3.1") || version.hasPrefix("3.2")
        else {
            throw Diagnostic.error(
                "unsupported OpenAPI version '\(versionNode.string ?? versionNode.kindName)'; expected 3.0.x or 3.1.x",
                at: versionNode.location,
                pointer: "#/openapi"
            )
        }
        isOpenAPI31 = !version.hasPrefix("3.0")
        return parser(for: file).parse(root, version: version)
    }

    /// One parser per file, kept: its reference maker remembers the paths it resolved.
    func parser(for file: String) -> DocumentParser {
        if let parser = parsers[file] { return parser }
        let parser = makeParser(for: file)
        parsers[file] = parser
        return parser
    }

    private func makeParser(for file: String) -> DocumentParser {
        let reader = NodeReader(diagnostics: diagnostics)
        let references = ReferenceMaker(file: file, diagnostics: diagnostics)
        let schemas = SchemaParser(
            loader: self,
            reader: reader,
            references: references,
            isOpenAPI31: isOpenAPI31
        )
        return DocumentParser(loader: self, reader: reader, references: references, schemas: schemas, file: file)
    }

    private func readRoot(_ file: String, requestedAt reference: Reference?) throws(Diagnostic) -> Node {
        if let root = roots[file] { return root }
        guard let data = FileManager.default.contents(atPath: file) else {
            var message = "cannot read '\(file)' (\(Self.whyUnreadable(file)))"
            if let reference { message += ", referenced by '\(reference.text)'" }
            throw Diagnostic.error(message, at: reference?.location, pointer: reference?.pointer)
        }
        let root = Self.convertingSwagger(try DocumentText.parse([UInt8](data), file: file, limits: limits))
        roots[file] = root
        return root
    }

    /// Swagger 2.0 files (the root document or any file it refers to) become OpenAPI 3.0 trees.
    private static func convertingSwagger(_ root: Node) -> Node {
        SwaggerConverter(root)?.convert() ?? root
    }

    /// A short reason for a failed read, for the diagnostic.
    private static func whyUnreadable(_ file: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        return FileManager.default.isReadableFile(atPath: file) ? "read failed" : "permission denied"
    }

    /// Every file read so far, sorted by path: what the no-op cache must re-hash.
    var loadedFiles: [String] { roots.keys.sorted() }

    // MARK: - Resolving references

    /// The node a reference points at, or nil after reporting why there is none.
    func node(for reference: Reference) -> Node? {
        guard !unreadable.contains(reference.file) else { return nil }
        let root: Node
        do {
            root = try readRoot(reference.file, requestedAt: reference)
        } catch {
            unreadable.insert(reference.file)
            diagnostics.report(error)
            return nil
        }
        var node = root
        for segment in JSONPointer.segments(reference.fragment) {
            if let child = node.mapping?[segment] {
                node = child
            } else if let items = node.sequence, let index = Int(segment), items.indices.contains(index) {
                node = items[index]
            } else {
                let siblings = node.mapping?.keys ?? []
                diagnostics.error(
                    "'$ref' target '\(reference.text)' does not exist (no '\(segment)' in "
                        + "\(FilePath.displayName(reference.file)))\(NameSuggestion.didYouMean(segment, in: siblings))",
                    at: reference.location,
                    pointer: reference.pointer
                )
                return nil
            }
        }
        return node
    }

    /// The schema at a reference (parsed once), which may itself be a reference.
    func schema(for reference: Reference) -> Schema? {
        if let cached = schemaCache[reference.key] { return cached }
        guard let node = node(for: reference) else { return nil }
        let schema = parser(for: reference.file).schemas.parse(node, at: reference.fragment)
        schemaCache[reference.key] = schema
        return schema
    }

    /// Records a schema parsed elsewhere as the one at `key`, unless one is known already.
    func cacheSchema(_ schema: Schema, at key: String) {
        if schemaCache[key] == nil { schemaCache[key] = schema }
    }

    /// Follows `$ref` chains until a schema that is not a plain reference; reports cycles.
    func resolveSchema(_ schema: Schema) -> (schema: Schema, reference: Reference?)? {
        var current = schema
        var lastReference: Reference?
        var chain: [Reference] = []
        while current.isPlainReference, let reference = current.reference {
            if let start = chain.firstIndex(where: { $0.key == reference.key }) {
                reportCycle(Array(chain[start...]) + [reference])
                return nil
            }
            chain.append(reference)
            guard let target = self.schema(for: reference) else { return nil }
            current = target
            lastReference = reference
        }
        return (current, lastReference)
    }

    /// A cycle of plain references is reported once, however many of its members are resolved.
    private func reportCycle(_ cycle: [Reference]) {
        guard reportedCycles.insert(Set(cycle.map(\.key))).inserted else { return }
        let route = cycle.map { "'\($0.text)'" }.joined(separator: " → ")
        diagnostics.error(
            "reference cycle that never reaches a schema: \(route)",
            at: cycle[0].location,
            pointer: cycle[0].pointer
        )
    }

    func resolve(_ parameter: Referenceable<Parameter>) -> Parameter? {
        resolve(parameter, into: \.parameters) { parser, node, pointer in parser.parameter(node, at: pointer) }
    }

    func resolve(_ body: Referenceable<RequestBody>) -> RequestBody? {
        resolve(body, into: \.requestBodies) { parser, node, pointer in parser.requestBody(node, at: pointer) }
    }

    func resolve(_ response: Referenceable<Response>) -> Response? {
        resolve(response, into: \.responses) { parser, node, pointer in parser.response(node, at: pointer) }
    }

    private func resolve<Value>(
        _ item: Referenceable<Value>,
        into table: ReferenceWritableKeyPath<DocumentLoader, [String: Value]>,
        parse: (DocumentParser, Node, String) -> Value?
    ) -> Value? {
        guard case .reference(let first) = item else { return resolveChain(item, parse: parse) }
        // A shared parameter or response is parsed once, however many operations name it, so
        // they all see the same schema objects (and a broken one is reported once).
        if !resolvedComponents.insert("\(Value.self) \(first.key)").inserted { return self[keyPath: table][first.key] }
        let value = resolveChain(item, parse: parse)
        self[keyPath: table][first.key] = value
        return value
    }

    private func resolveChain<Value>(
        _ item: Referenceable<Value>,
        parse: (DocumentParser, Node, String) -> Value?
    ) -> Value? {
        var current = item
        var visited: Set<String> = []
        while true {
            switch current {
            case .value(let value):
                return value
            case .reference(let reference):
                guard visited.insert(reference.key).inserted else {
                    diagnostics.error(
                        "reference cycle through '\(reference.text)'",
                        at: reference.location,
                        pointer: reference.pointer
                    )
                    return nil
                }
                guard let node = node(for: reference) else { return nil }
                let parser = parser(for: reference.file)
                guard let next = parser.referenceable(node, at: reference.fragment, { parse(parser, $0, $1) }) else {
                    return nil
                }
                current = next
            }
        }
    }
}

extension FilePath {
    /// The last two path components: enough to recognise a file in a message.
    static func displayName(_ file: String) -> String {
        file.split(separator: "/").suffix(2).joined(separator: "/")
    }
}
