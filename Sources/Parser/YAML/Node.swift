import SpecforgeDiagnostics

/// A node of a parsed YAML or JSON document that remembers where it came from.
///
/// Nodes are immutable and shared: a YAML alias points at the node of its anchor instead of
/// copying it, so an alias bomb costs no memory (its expansion is still bounded, see `YAMLLoader`).
public final class Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping(Mapping)
    }

    public let content: Content
    public let location: SourceLocation
    /// Number of nodes in this subtree, aliases counted as expanded.
    public let weight: Int

    init(_ content: Content, location: SourceLocation, weight: Int) {
        self.content = content
        self.location = location
        self.weight = weight
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: Mapping? {
        if case .mapping(let mapping) = content { return mapping }
        return nil
    }

    /// The value for `key` when this node is a mapping.
    public subscript(key: String) -> Node? {
        mapping?[key]
    }

    /// The scalar's text, when this node is a scalar.
    public var string: String? { scalar?.value }

    /// What kind of node this is, for messages like "expected a mapping, found a sequence".
    public var kindName: String {
        switch content {
        case .scalar(let scalar): return scalar.isNull ? "null" : "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }
}

/// A scalar value with enough of its source form to tell `"true"` from `true`.
public struct Scalar: Sendable {
    public let value: String
    /// Plain (unquoted) scalars are resolved as null, booleans and numbers; quoted ones are strings.
    public let isPlain: Bool

    public init(value: String, isPlain: Bool) {
        self.value = value
        self.isPlain = isPlain
    }

    public var isNull: Bool {
        isPlain && (value == "null" || value == "~" || value.isEmpty || value == "Null" || value == "NULL")
    }

    public var bool: Bool? {
        guard isPlain else { return nil }
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    public var integer: Int? { isPlain ? Int(value) : nil }

    public var number: Double? {
        guard isPlain else { return nil }
        return Double(value)
    }
}

/// A mapping that keeps the order of its keys and finds any key quickly.
public struct Mapping: Sendable {
    public struct Entry: Sendable {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: Node
    }

    public let entries: [Entry]
    private let index: KeyIndex

    /// `entries` must have distinct keys.
    init(entries: [Entry], index: KeyIndex) {
        self.entries = entries
        self.index = index
    }

    public subscript(key: String) -> Node? {
        guard let position = index.position(of: key, in: entries) else { return nil }
        return entries[position].value
    }

    public func entry(_ key: String) -> Entry? {
        index.position(of: key, in: entries).map { entries[$0] }
    }

    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key) }
}

/// Where each key of a mapping is. Most mappings of an OpenAPI document are small (a schema, a
/// parameter: a handful of keys), and comparing a few short strings costs less than hashing one,
/// so a dictionary is built only for mappings that grow past `linearLimit` keys.
struct KeyIndex: Sendable {
    static let linearLimit = 8
    private var table: [String: Int]?

    init() {}

    func position(of key: String, in entries: [Mapping.Entry]) -> Int? {
        if let table { return table[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// Records that `entries.last` was just appended.
    mutating func appended(to entries: [Mapping.Entry]) {
        if table != nil {
            table![entries[entries.count - 1].key] = entries.count - 1
        } else if entries.count > Self.linearLimit {
            var table: [String: Int] = [:]
            table.reserveCapacity(entries.count * 2)
            for (position, entry) in entries.enumerated() { table[entry.key] = position }
            self.table = table
        }
    }
}
