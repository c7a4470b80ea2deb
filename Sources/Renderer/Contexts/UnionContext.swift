/// The context of the `Union` template: a `oneOf` or `anyOf` schema, an enum with one case per
/// alternative.
struct UnionContext: TypedContext {
    var header: HeaderContext
    var declaration: DeclarationContext
    var cases: [Positioned<Case>]
    var firstOpenCase: Alternative?
    var branches: [Branch]?
    var discriminator: Discriminator?
    var typeNameLiteral: String
    var isRecursive: Bool
    var unknownCaseName: String?

    static let keys: [ContextKey<Self>] =
        HeaderContext.keys(\.header) + DeclarationContext.keys(\.declaration) + [
            .key("cases", \.cases, "The alternatives, in the order of the schema."),
            .key(
                "firstOpenCase",
                \.firstOpenCase,
                "Without a discriminator: the first alternative that keeps unknown values, which takes a value no "
                    + "alternative knows."
            ),
            .key("branches", \.branches, "With a discriminator: the `switch`'s branches, every value in exactly one."),
            .key("discriminator", \.discriminator, "Present when the schema names a discriminator property."),
            .key(
                "typeNameLiteral",
                \.typeNameLiteral,
                "The union's name as a Swift string literal, for error messages."
            ),
            .key(
                "isRecursive",
                \.isRecursive,
                "Whether the union contains itself: then it must be an `indirect enum`."
            ),
            .key(
                "unknownCaseName",
                \.unknownCaseName,
                "With a discriminator: the case (`unknown`) that keeps a value with an unknown discriminator as "
                    + "`JSONValue`."
            ),
        ]

    /// One alternative.
    struct Case: TypedContext {
        var name: String
        var nameLiteral: String
        var type: String
        var discriminatorValues: [Positioned<Literal>]
        var keepsUnknownValues: Bool

        var hasDiscriminatorValues: Bool { !discriminatorValues.isEmpty }

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The case's Swift name."),
            .key("nameLiteral", \.nameLiteral, "The case's name as a Swift string literal, for error messages."),
            .key("type", \.type, "The alternative's Swift type."),
            .key("hasDiscriminatorValues", \.hasDiscriminatorValues, "Whether discriminator values select this case."),
            .key("discriminatorValues", \.discriminatorValues, "The discriminator values that select it."),
            .key(
                "keepsUnknownValues",
                \.keepsUnknownValues,
                "Whether the alternative keeps values it does not know (an open enum): without a discriminator it "
                    + "takes a value only if `isKnown`, before `firstOpenCase`."
            ),
        ]
    }

    /// A discriminator value.
    struct Literal: TypedContext {
        var literal: String

        static let keys: [ContextKey<Self>] = [.key("literal", \.literal, "The value as a Swift string literal.")]
    }

    /// An alternative, by name and type.
    struct Alternative: TypedContext {
        var name: String
        var type: String

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The case's Swift name."),
            .key("type", \.type, "The alternative's Swift type."),
        ]
    }

    /// An alternative a branch may decode as.
    struct BranchAlternative: TypedContext {
        var name: String
        var type: String
        var isOnly: Bool

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The case's Swift name."),
            .key("type", \.type, "The alternative's Swift type."),
            .key("isOnly", \.isOnly, "Whether it is the branch's only alternative."),
        ]
    }

    /// A branch of the discriminator's `switch`.
    struct Branch: TypedContext {
        var values: [Positioned<Literal>]
        var alternatives: [Positioned<BranchAlternative>]
        var alternativesLiteral: String

        var isShared: Bool { alternatives.count > 1 }

        static let keys: [ContextKey<Self>] = [
            .key("values", \.values, "The discriminator values of the branch."),
            .key(
                "alternatives",
                \.alternatives,
                "The alternatives that pin these values, in the order they are tried (the one that requires more "
                    + "properties first)."
            ),
            .key("isShared", \.isShared, "Whether several alternatives pin these values."),
            .key(
                "alternativesLiteral",
                \.alternativesLiteral,
                "Helper: `[(\"input\", Input.self), …]`, the alternatives for `DecodingError.noAlternative`."
            ),
        ]
    }

    /// The discriminator property.
    struct Discriminator: TypedContext {
        var propertyLiteral: String

        static let keys: [ContextKey<Self>] = [
            .key("propertyLiteral", \.propertyLiteral, "The property's JSON name as a Swift string literal.")
        ]
    }
}
