/// A schema's validation keywords as the document writes them (`minimum`, `maxLength`,
/// `pattern`, `minItems`, …), read and checked by the parser; the model turns them into its
/// own `ValueConstraints`.
public struct SchemaConstraints: Sendable, Hashable {
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
}
