/// A Swift type the generated client declares: a model, an enum, a union or an alias.
public struct TypeDeclaration: Sendable, Encodable {
    public enum Kind: Sendable, Encodable {
        case structure(StructModel)
        case openEnum(EnumModel)
        case union(UnionModel)
        case alias(TypeRef)
    }

    public var name: String
    public var documentation: String?
    public var deprecated: Bool
    public var kind: Kind
    /// Where the schema was defined: `#/components/schemas/Task` or an inline position.
    public var pointer: String
}

public struct StructModel: Sendable, Encodable {
    public var properties: [PropertyModel]
    /// Set when the schema is a paginated list (`count`, `next`, `previous`, `results`):
    /// the element type of `results`.
    public var pageItemType: TypeRef?
    /// What the schema says of properties it does not declare: nil when it says nothing,
    /// `true`, `false`, or the type of their values (`string`, `$ref: Label`). Generated
    /// structs neither send nor keep such properties; `diff` and reference pages report it.
    public var additionalProperties: String?
}

public struct PropertyModel: Sendable, Encodable {
    /// The Swift name (may need backticks: see `SwiftNames.identifier`).
    public var name: String
    /// The name on the wire, as the schema spells it.
    public var wireName: String
    /// The declared type: optional when the property is not required or nullable,
    /// `Nullable<T>?` when it is neither required nor non-nullable.
    public var type: TypeRef
    public var required: Bool
    public var nullable: Bool
    public var readOnly: Bool
    public var writeOnly = false
    public var deprecated: Bool
    public var documentation: String?
    /// The schema's `default` and `example`, as compact JSON text (`10`, `"image"`, `[1,2]`).
    public var defaultValue: String?
    public var example: String?
    public var constraints = ValueConstraints()
    /// The constraints the client checks before sending: those of `constraints` that apply to
    /// `type` (see `ClientSideChecks`).
    public var checkedConstraints = ValueConstraints()
    /// The property holds models with checks of their own: validating descends into it.
    public var validatesNested = false
    /// Stored out of line (`@Indirect`): the property closes a cycle of structs.
    public var indirect = false
    /// For a required property that can hold one value only (`const: text`, `enum: [text]`),
    /// the enum case of that value: the initializer defaults to it, so that
    /// `.text(NewTextStatus(text: "Hi"))` need not repeat the discriminator.
    public var onlyValueCase: String?
}

public struct EnumModel: Sendable, Encodable {
    public enum RawType: String, Sendable, Encodable {
        case string = "String"
        case int = "Int"
    }

    public struct Case: Sendable, Encodable {
        public var name: String
        /// The value as a Swift literal (`"rectangle"`, `3`).
        public var literal: String
        public var value: String
        /// What the document says of this value: the `description` (or `title`) of the
        /// alternative that spells it, in a `oneOf` of titled constants.
        public var documentation: String? = nil
    }

    /// A value as the document gives it, before it is named: a case's input.
    public struct Value: Sendable {
        public var value: String
        /// 3.1's name for a constant alternative (`{title: TIER_1, const: 1}`).
        public var title: String? = nil
        public var documentation: String? = nil
    }

    public var rawType: RawType
    public var cases: [Case]
}

public struct UnionModel: Sendable, Encodable {
    public struct Case: Sendable, Encodable {
        public var name: String
        public var type: TypeRef
        /// Discriminator values that select this case.
        public var discriminatorValues: [String]
        /// Whether the alternative accepts values it does not know (an open enum): without a
        /// discriminator it takes a value only if it knows it, or when no alternative does.
        public var keepsUnknownValues = false
    }

    /// What one set of discriminator values decodes: one alternative, or several that pin the
    /// same value (an input and an output message both `type: message`), tried in order, the
    /// one that requires more properties first.
    public struct DiscriminatorBranch: Sendable, Encodable {
        public var values: [String]
        /// Indices into `cases`, in the order they are tried.
        public var caseIndices: [Int]
    }

    public var cases: [Case]
    public var discriminator: String?
    /// `anyOf`: the first case that decodes wins; `oneOf` behaves the same at run time.
    public var isAnyOf: Bool
    /// With a discriminator: the case that keeps, as raw JSON, a value whose discriminator
    /// this client does not know (a newer server's), so that decoding it does not fail.
    public var unknownCaseName: String?
    /// Whether the union contains itself (through its alternatives' properties): only then
    /// is it an `indirect enum`.
    public var isRecursive = false
    /// With a discriminator: the branches of its `switch`, each value in exactly one
    /// (see `UnionDecodingOrder`).
    public var discriminatorBranches: [DiscriminatorBranch] = []
}
