/// What the client knows of one value beyond its type — bounds, lengths, item counts, a
/// pattern — from JSON Schema's validation keywords (the parser's `SchemaConstraints`), after
/// references and `allOf` members filled the gaps.
///
/// The generated client checks them before sending a request (the runtime's client-side
/// validation); `specforge diff` compares them and reference pages list them, so they are kept
/// as written.
public struct ValueConstraints: Sendable, Hashable, Encodable {
    public var minimum: Double?
    public var maximum: Double?
    /// The bound itself is excluded (3.0's `exclusiveMinimum: true`, or 3.1's numeric form).
    public var exclusiveMinimum = false
    public var exclusiveMaximum = false
    public var multipleOf: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems = false
    public var minProperties: Int?
    public var maxProperties: Int?

    public init() {}

    public var isEmpty: Bool { self == ValueConstraints() }

    /// These constraints with the gaps filled from `other` (an `allOf` member that only
    /// constrains, or the target of a reference).
    public func filling(from other: ValueConstraints) -> ValueConstraints {
        var result = self
        if result.minimum == nil {
            result.minimum = other.minimum
            result.exclusiveMinimum = other.exclusiveMinimum
        }
        if result.maximum == nil {
            result.maximum = other.maximum
            result.exclusiveMaximum = other.exclusiveMaximum
        }
        result.multipleOf = result.multipleOf ?? other.multipleOf
        result.minLength = result.minLength ?? other.minLength
        result.maxLength = result.maxLength ?? other.maxLength
        result.pattern = result.pattern ?? other.pattern
        result.minItems = result.minItems ?? other.minItems
        result.maxItems = result.maxItems ?? other.maxItems
        result.uniqueItems = result.uniqueItems || other.uniqueItems
        result.minProperties = result.minProperties ?? other.minProperties
        result.maxProperties = result.maxProperties ?? other.maxProperties
        return result
    }

    /// `minimum: 0, maxLength: 256`: each keyword set, as the schema spells it.
    public var summary: [String] {
        var parts: [String] = []
        if let minimum { parts.append("\(exclusiveMinimum ? "exclusiveMinimum" : "minimum"): \(Self.number(minimum))") }
        if let maximum { parts.append("\(exclusiveMaximum ? "exclusiveMaximum" : "maximum"): \(Self.number(maximum))") }
        if let multipleOf { parts.append("multipleOf: \(Self.number(multipleOf))") }
        if let minLength { parts.append("minLength: \(minLength)") }
        if let maxLength { parts.append("maxLength: \(maxLength)") }
        if let pattern { parts.append("pattern: \(pattern)") }
        if let minItems { parts.append("minItems: \(minItems)") }
        if let maxItems { parts.append("maxItems: \(maxItems)") }
        if uniqueItems { parts.append("uniqueItems") }
        if let minProperties { parts.append("minProperties: \(minProperties)") }
        if let maxProperties { parts.append("maxProperties: \(maxProperties)") }
        return parts
    }

    /// `3` rather than `3.0`; other numbers as Swift prints them.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
