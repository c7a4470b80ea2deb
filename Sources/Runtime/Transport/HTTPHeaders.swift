/// An ordered list of header fields with case-insensitive lookup.
///
/// A dictionary cannot represent repeated fields such as `Set-Cookie`, and header names are
/// case-insensitive, so neither `[String: String]` nor a plain array fits.
public struct HTTPHeaders: Sendable, Hashable {
    private struct Field: Sendable, Hashable {
        var name: String
        var value: String
    }

    private var fields: [Field] = []

    public init() {}

    public init(_ fields: some Sequence<(name: String, value: String)>) {
        for field in fields {
            add(field.name, field.value)
        }
    }

    /// The first value of the field `name`; use `values(for:)` for repeated fields.
    public subscript(name: String) -> String? {
        fields.first { Self.matches($0.name, name) }?.value
    }

    /// Every value of the field `name`, in the order received.
    public func values(for name: String) -> [String] {
        fields.filter { Self.matches($0.name, name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { Self.matches($0.name, name) }
    }

    /// Appends a field, keeping existing ones with the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field named `name` with a single one.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    /// Adds the field only if none with that name exists yet.
    public mutating func setIfAbsent(_ name: String, _ value: String) {
        if !contains(name) {
            add(name, value)
        }
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.matches($0.name, name) }
    }

    private static func matches(_ lhs: String, _ rhs: String) -> Bool {
        lhs.caseInsensitiveCompare(rhs) == .orderedSame
    }
}

extension HTTPHeaders: RandomAccessCollection {
    public typealias Element = (name: String, value: String)

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }

    public subscript(position: Int) -> Element {
        (fields[position].name, fields[position].value)
    }
}

extension HTTPHeaders: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { (name: $0.0, value: $0.1) })
    }

    public init(arrayLiteral elements: (name: String, value: String)...) {
        self.init(elements)
    }
}

extension HTTPHeaders: CustomStringConvertible {
    /// Lists field names only: values routinely carry credentials and cookies.
    public var description: String {
        "HTTPHeaders(" + fields.map(\.name).joined(separator: ", ") + ")"
    }
}
