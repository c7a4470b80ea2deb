/// A value that may be an explicit JSON `null`: the type of a property that is not required
/// and may be `null`, declared `Nullable<T>?`.
///
/// Such a property has three states, and each is spelled differently, so that none can be
/// meant by accident:
///
/// | Swift | JSON |
/// |---|---|
/// | `nil` (the default) | the key is left out |
/// | `.null` | `"key": null` |
/// | `.value(x)`, or a literal (`5`, `"text"`, `true`) | `"key": x` |
///
/// ```swift
/// PatchedTaskWriteRequest(name: "renamed", assigneeId: .null)  // unassigns the task
/// PatchedTaskWriteRequest(assigneeId: 5)                       // assigns user 5
/// PatchedTaskWriteRequest(assigneeId: .value(userId))          // assigns userId
/// ```
///
/// An optional variable is not accepted where a `Nullable` is expected: `stream: stream`, with
/// `stream` a `Bool?`, does not compile, where with `Bool??` it would have sent `null` for
/// `nil`. Say which is meant: `stream.map { .value($0) }` leaves the key out for `nil`.
///
/// Reading, `task.assignee?.value` is the value, or `nil` when the key was absent or `null`;
/// `task.assignee == .null` asks for an explicit `null`. A model decoded and encoded again
/// keeps each `null` and each absent key as it came.
@frozen
public enum Nullable<Wrapped> {
    /// An explicit JSON `null`.
    case null
    /// A value.
    case value(Wrapped)

    /// The value, or `nil` for `null`.
    @inlinable
    public var value: Wrapped? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// `.null` for `nil`, otherwise the value: for when `nil` is meant to send `null`.
    @inlinable
    public init(nullFor optional: Wrapped?) {
        if let optional { self = .value(optional) } else { self = .null }
    }
}

extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}
extension Nullable: Sendable where Wrapped: Sendable {}

extension Nullable: Codable where Wrapped: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let value): try container.encode(value)
        }
    }
}

extension Nullable: CustomStringConvertible {
    /// `null`, or the value's own description: `print(task.assignee)` shows `Optional(null)`.
    public var description: String {
        switch self {
        case .null: return "null"
        case .value(let value): return String(describing: value)
        }
    }
}

// Literals, so that a constant reads as it would for a plain property: `assigneeId: 5`.

extension Nullable: ExpressibleByIntegerLiteral where Wrapped: ExpressibleByIntegerLiteral {
    public init(integerLiteral literal: Wrapped.IntegerLiteralType) {
        self = .value(Wrapped(integerLiteral: literal))
    }
}

extension Nullable: ExpressibleByFloatLiteral where Wrapped: ExpressibleByFloatLiteral {
    public init(floatLiteral literal: Wrapped.FloatLiteralType) {
        self = .value(Wrapped(floatLiteral: literal))
    }
}

extension Nullable: ExpressibleByBooleanLiteral where Wrapped: ExpressibleByBooleanLiteral {
    public init(booleanLiteral literal: Wrapped.BooleanLiteralType) {
        self = .value(Wrapped(booleanLiteral: literal))
    }
}

extension Nullable: ExpressibleByUnicodeScalarLiteral where Wrapped: ExpressibleByStringLiteral {
    public init(unicodeScalarLiteral literal: Wrapped.StringLiteralType) {
        self = .value(Wrapped(stringLiteral: literal))
    }
}

extension Nullable: ExpressibleByExtendedGraphemeClusterLiteral where Wrapped: ExpressibleByStringLiteral {
    public init(extendedGraphemeClusterLiteral literal: Wrapped.StringLiteralType) {
        self = .value(Wrapped(stringLiteral: literal))
    }
}

extension Nullable: ExpressibleByStringLiteral where Wrapped: ExpressibleByStringLiteral {
    public init(stringLiteral literal: Wrapped.StringLiteralType) {
        self = .value(Wrapped(stringLiteral: literal))
    }
}

extension Nullable: ExpressibleByArrayLiteral where Wrapped: RangeReplaceableCollection {
    public init(arrayLiteral elements: Wrapped.Element...) {
        self = .value(Wrapped(elements))
    }
}

// The schema's rules measure the value; `null`, like an absent key, breaks none.

extension Nullable: ConstrainedValue where Wrapped: ConstrainedValue {
    public func measure(findingDuplicates: Bool) -> ValueMeasure {
        value?.measure(findingDuplicates: findingDuplicates) ?? .absent
    }
}

extension Nullable: ValidatedContainer where Wrapped: ValidatedContainer {
    public func validateContents(_ validator: Validator) throws {
        try value?.validateContents(validator)
    }
}
