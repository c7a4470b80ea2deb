/// What every type template is given about the declaration it prints, besides the header.
struct DeclarationContext: Sendable {
    var typeName: String
    /// The `///` lines of the schema's title and description (and deprecation).
    var documentation: [String]
    var isDeprecated: Bool

    var hasDocumentation: Bool { !documentation.isEmpty }

    static func keys<Context>(_ path: KeyPath<Context, DeclarationContext>) -> [ContextKey<Context>] {
        [
            .key("typeName", path.appending(path: \.typeName), "The Swift type's name (`TaskRead`)."),
            .key(
                "documentation",
                path.appending(path: \.documentation),
                "The `///` lines of the schema's title and description (and deprecation)."
            ),
            .key("hasDocumentation", path.appending(path: \.hasDocumentation), "Whether `documentation` has lines."),
            .key("isDeprecated", path.appending(path: \.isDeprecated), "Whether the schema is `deprecated`."),
        ]
    }
}

/// The context of the `Enum` template: a string or integer `enum` schema, an open enum
/// (`OpenEnum`) that keeps unknown values.
struct EnumContext: TypedContext {
    var header: HeaderContext
    var declaration: DeclarationContext
    var rawType: String
    var cases: [Case]
    var allCasesLiteral: String

    var hasCases: Bool { !cases.isEmpty }

    static let keys: [ContextKey<Self>] =
        HeaderContext.keys(\.header) + DeclarationContext.keys(\.declaration) + [
            .key("rawType", \.rawType, "`String` or `Int`."),
            .key("hasCases", \.hasCases, "Whether the schema lists values."),
            .key("cases", \.cases, "The values, in the order of the schema."),
            .key("allCasesLiteral", \.allCasesLiteral, "Helper, for speed: `[.a, .b]`, every case."),
        ]

    struct Case: TypedContext {
        var name: String
        var literal: String
        var typeName: String
        var documentation: [String]

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The static property's Swift name (`audioMp3`)."),
            .key("literal", \.literal, "The raw value as a Swift literal (`\"audio_mp3\"`, `3`)."),
            .key("typeName", \.typeName, "The enum's name again (a lookup in the case is faster)."),
            .key(
                "documentation",
                \.documentation,
                "The `///` lines of the value's description, where the document gives one (3.1's titled constants)."
            ),
        ]
    }
}

/// The context of the `TypeAlias` template: a schema that is another type under a new name
/// (an array, a map, a primitive).
struct TypeAliasContext: TypedContext {
    var header: HeaderContext
    var declaration: DeclarationContext
    var type: String

    static let keys: [ContextKey<Self>] =
        HeaderContext.keys(\.header) + DeclarationContext.keys(\.declaration) + [
            .key("type", \.type, "The aliased Swift type.")
        ]
}
