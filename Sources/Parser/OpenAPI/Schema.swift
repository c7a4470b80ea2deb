import SpecforgeDiagnostics

/// A JSON Schema as OpenAPI 3.0 and 3.1 use it, read without interpretation: turning it into
/// a Swift type is the model stage's job.
public final class Schema: Sendable {
    public enum AdditionalProperties: Sendable {
        case unspecified
        case allowed(Bool)
        case schema(Schema)
    }

    public struct Discriminator: Sendable {
        public var propertyName: String
        public var mapping: [(value: String, reference: Reference)]
    }

    /// Set when the schema is (or starts with) a `$ref`. In 3.1, sibling keywords still apply.
    public let reference: Reference?
    /// `type`, as a list: 3.1 allows `[string, "null"]`; empty when absent.
    public let types: [String]
    public let format: String?
    /// 3.0's `nullable: true`, or `null` among 3.1's types.
    public let nullable: Bool
    public let enumValues: [Node]?
    public let constValue: Node?
    public let properties: [(name: String, schema: Schema)]
    public let required: [String]
    public let additionalProperties: AdditionalProperties
    public let items: Schema?
    public let allOf: [Schema]
    public let oneOf: [Schema]
    public let anyOf: [Schema]
    public let discriminator: Discriminator?
    public let title: String?
    public let description: String?
    public let readOnly: Bool
    public let writeOnly: Bool
    public let deprecated: Bool
    public let defaultValue: Node?
    public let constraints: SchemaConstraints
    /// `example`, or the first of 3.1's `examples`.
    public let example: Node?
    public let location: SourceLocation
    public let pointer: String

    public init(
        reference: Reference?,
        types: [String],
        format: String?,
        nullable: Bool,
        enumValues: [Node]?,
        constValue: Node?,
        properties: [(name: String, schema: Schema)],
        required: [String],
        additionalProperties: AdditionalProperties,
        items: Schema?,
        allOf: [Schema],
        oneOf: [Schema],
        anyOf: [Schema],
        discriminator: Discriminator?,
        title: String?,
        description: String?,
        readOnly: Bool,
        writeOnly: Bool,
        deprecated: Bool,
        defaultValue: Node?,
        constraints: SchemaConstraints = SchemaConstraints(),
        example: Node? = nil,
        location: SourceLocation,
        pointer: String
    ) {
        self.reference = reference
        self.types = types
        self.format = format
        self.nullable = nullable
        self.enumValues = enumValues
        self.constValue = constValue
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties
        self.items = items
        self.allOf = allOf
        self.oneOf = oneOf
        self.anyOf = anyOf
        self.discriminator = discriminator
        self.title = title
        self.description = description
        self.readOnly = readOnly
        self.writeOnly = writeOnly
        self.deprecated = deprecated
        self.defaultValue = defaultValue
        self.constraints = constraints
        self.example = example
        self.location = location
        self.pointer = pointer
    }

    /// A schema with at most a reference, types and a description: `{ $ref: ... }`, `true`,
    /// `false` and placeholders for nodes that are not schemas.
    public static func bare(
        reference: Reference? = nil,
        types: [String] = [],
        description: String? = nil,
        at location: SourceLocation,
        pointer: String
    ) -> Schema {
        Schema(
            reference: reference,
            types: types,
            format: nil,
            nullable: types == ["null"],
            enumValues: nil,
            constValue: nil,
            properties: [],
            required: [],
            additionalProperties: .unspecified,
            items: nil,
            allOf: [],
            oneOf: [],
            anyOf: [],
            discriminator: nil,
            title: nil,
            description: description,
            readOnly: false,
            writeOnly: false,
            deprecated: false,
            defaultValue: nil,
            location: location,
            pointer: pointer
        )
    }

    /// A bare `$ref` schema, as if written `{ $ref: ... }`.
    public static func referencing(_ reference: Reference) -> Schema {
        .bare(reference: reference, at: reference.location, pointer: reference.pointer)
    }

    /// True when nothing but annotations accompany a `$ref`, so the schema is the referenced one.
    public var isPlainReference: Bool {
        reference != nil && types.isEmpty && properties.isEmpty && items == nil && allOf.isEmpty
            && oneOf.isEmpty && anyOf.isEmpty && enumValues == nil && constValue == nil
    }

    /// True for schemas that carry annotations or constraints (description, `maxLength`, an
    /// example) but say nothing about the type: as an `allOf` member they change nothing.
    public var isAnnotationOnly: Bool {
        reference == nil && types.isEmpty && properties.isEmpty && items == nil
            && allOf.allSatisfy(\.isAnnotationOnly) && oneOf.allSatisfy(\.isAnnotationOnly)
            && anyOf.allSatisfy(\.isAnnotationOnly) && enumValues == nil && constValue == nil && format == nil
            && { if case .unspecified = additionalProperties { return true } else { return false } }()
    }

    /// The single non-null type, if the schema names exactly one.
    public var singleType: String? {
        let concrete = types.filter { $0 != "null" }
        return concrete.count == 1 ? concrete[0] : nil
    }
}
