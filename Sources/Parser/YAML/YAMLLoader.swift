import CYAML
import SpecforgeDiagnostics

/// Limits that keep hostile documents from exhausting memory, time or the stack.
public struct LoaderLimits: Sendable {
    /// Deepest nesting of mappings and sequences accepted.
    public var maxDepth = 256
    /// Most nodes a document may expand to, counting every alias as a copy of its anchor.
    public var maxExpandedNodes = 5_000_000

    public init() {}
}

/// Streams libyaml's events into a tree of located `Node`s. JSON goes through the same path
/// (JSON is YAML flow syntax as far as libyaml is concerned).
public enum YAMLLoader {
    /// Parses one document. Errors are thrown as a `Diagnostic` naming the file, line and column.
    /// A text without a document (empty, or comments only) is an error, or with `emptyAsNull`
    /// a `null` scalar, as `---` alone is.
    public static func load(
        _ bytes: [UInt8],
        file: String,
        limits: LoaderLimits = LoaderLimits(),
        emptyAsNull: Bool = false
    ) throws(Diagnostic) -> Node {
        var builder = TreeBuilder(file: file, limits: limits)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Diagnostic.error(
                "cannot initialise the YAML parser",
                at: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        defer { yaml_parser_delete(&parser) }

        return try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> Node in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw syntaxError(parser, file: file)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try builder.consume(event)
                if event.type == YAML_DOCUMENT_END_EVENT, builder.root != nil { break }
            }
            let start = SourceLocation(file: file, line: 1, column: 1)
            guard let root = builder.root else {
                guard emptyAsNull else { throw Diagnostic.error("the document is empty", at: start) }
                return Node(.scalar(Scalar(value: "", isPlain: true)), location: start, weight: 1)
            }
            return root
        }
    }

    private static func syntaxError(_ parser: yaml_parser_t, file: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        // libyaml's context mark is where the construct it was reading began: the quote that
        // is never closed, the flow mapping that never ends. The problem mark alone can be
        // hundreds of lines later.
        let start = parser.context_mark
        let began =
            start.line == mark.line && start.column == mark.column
            ? "" : " that began at line \(start.line + 1), column \(start.column + 1)"
        let message = context.map { "\(problem) (\($0)\(began))" } ?? problem
        return .error(
            "invalid YAML: \(message)",
            at: SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        )
    }
}

/// Turns the flat event stream into nodes with an explicit stack, so deep documents cannot
/// overflow the call stack.
private struct TreeBuilder {
    /// An open sequence or mapping. A class, so that adding to it appends in place: an enum
    /// frame popped and pushed back copied its arrays on every item.
    private final class Frame {
        let isMapping: Bool
        let location: SourceLocation
        let anchor: String?
        var items: [Node] = []
        var entries: [Mapping.Entry] = []
        var index = KeyIndex()
        var pendingKey: (text: String, location: SourceLocation)?
        var weight = 1

        init(isMapping: Bool, location: SourceLocation, anchor: String?) {
            self.isMapping = isMapping
            self.location = location
            self.anchor = anchor
        }
    }

    let file: String
    let limits: LoaderLimits
    var root: Node?
    private var stack: [Frame] = []
    private var anchors: [String: Node] = [:]
    private var expandedNodes = 0

    init(file: String, limits: LoaderLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func consume(_ event: yaml_event_t) throws(Diagnostic) {
        let location = SourceLocation(
            file: file,
            line: Int(event.start_mark.line) + 1,
            column: Int(event.start_mark.column) + 1
        )
        switch event.type {
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            // A mapping key needs no node of its own, unless it carries an anchor.
            if data.anchor == nil, let top = stack.last, top.isMapping, top.pendingKey == nil {
                top.pendingKey = (value, location)
                return
            }
            let scalar = Scalar(value: value, isPlain: data.style == YAML_PLAIN_SCALAR_STYLE)
            let node = Node(.scalar(scalar), location: location, weight: 1)
            register(anchor: Self.string(data.anchor), node: node)
            try add(node)
        case YAML_SEQUENCE_START_EVENT:
            let anchor = Self.string(event.data.sequence_start.anchor)
            try push(Frame(isMapping: false, location: location, anchor: anchor))
        case YAML_MAPPING_START_EVENT:
            let anchor = Self.string(event.data.mapping_start.anchor)
            try push(Frame(isMapping: true, location: location, anchor: anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try pop()
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw Diagnostic.error("unknown alias '*\(name)'", at: location)
            }
            expandedNodes += target.weight
            if expandedNodes > limits.maxExpandedNodes {
                throw Diagnostic.error(
                    "aliases expand the document beyond \(limits.maxExpandedNodes) nodes; refusing to continue",
                    at: location
                )
            }
            try add(target)
        default:
            break
        }
    }

    private mutating func push(_ frame: Frame) throws(Diagnostic) {
        guard stack.count < limits.maxDepth else {
            throw Diagnostic.error("the document nests deeper than \(limits.maxDepth) levels", at: frame.location)
        }
        stack.append(frame)
    }

    private mutating func pop() throws(Diagnostic) {
        guard let frame = stack.popLast() else { return }
        let content: Node.Content =
            frame.isMapping
            ? .mapping(Mapping(entries: frame.entries, index: frame.index)) : .sequence(frame.items)
        let node = Node(content, location: frame.location, weight: frame.weight)
        register(anchor: frame.anchor, node: node)
        try add(node)
    }

    private mutating func register(anchor: String?, node: Node) {
        if let anchor { anchors[anchor] = node }
    }

    private mutating func add(_ node: Node) throws(Diagnostic) {
        guard let top = stack.last else {
            if root == nil { root = node }
            return
        }
        guard top.isMapping else {
            top.items.append(node)
            top.weight += node.weight
            return
        }
        guard let key = top.pendingKey else {
            // A key that is not a plain scalar: an anchored scalar, an alias, a collection.
            guard let text = node.scalar?.value else {
                throw Diagnostic.error("mapping keys must be scalars, found \(node.kindName)", at: node.location)
            }
            top.pendingKey = (text, node.location)
            return
        }
        if top.index.position(of: key.text, in: top.entries) != nil {
            throw Diagnostic.error("duplicate key '\(key.text)'", at: key.location)
        }
        top.entries.append(Mapping.Entry(key: key.text, keyLocation: key.location, value: node))
        top.index.appended(to: top.entries)
        top.pendingKey = nil
        top.weight += node.weight
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
