/// The context of the `DocsModel` template: one declared type's page (`Models/<Type>.md`): a
/// struct's properties, an enum's values, a union's alternatives or an alias's type.
struct DocsModelContext: TypedContext {
    var header: PageHeader
    var typeName: String
    var kind: String
    var pointer: String
    var isDeprecated: Bool
    var documentation: String?
    var isStruct = false
    var isEnum = false
    var isUnion = false
    var properties: [Property]?
    var additionalProperties: String?
    var pageItemType: String?
    var rawType: String?
    var cases: [Case]?
    var isAnyOf: Bool?
    var alternatives: [Alternative]?
    var discriminator: String?
    var unknownCase: String?
    var aliasedType: String?

    var hasProperties: Bool? { properties.map { !$0.isEmpty } }
    /// `kind` after its article: "An enum", "An anyOf union", "A oneOf union" ("one" is said
    /// "won"), "A struct".
    var kindPhrase: String { (kind == "enum" || kind.hasPrefix("anyOf") ? "An " : "A ") + kind }

    static let keys: [ContextKey<Self>] =
        PageHeader.keys(\.header) + [
            .key("typeName", \.typeName, "The Swift type's name."),
            .key("kind", \.kind, "`struct`, `enum`, `oneOf union`, `anyOf union` or `typealias`."),
            .key("kindPhrase", \.kindPhrase, "`kind` after its article, to start a sentence: `An enum`, `A struct`."),
            .key("pointer", \.pointer, "Where the schema is defined, a code span (`#/components/schemas/Label`)."),
            .key("isDeprecated", \.isDeprecated, "Whether the schema is `deprecated`."),
            .key("documentation", \.documentation, "The schema's title and description, a paragraph."),
            .key("isStruct", \.isStruct, "Whether it is a model (then `properties` is set)."),
            .key("isEnum", \.isEnum, "Whether it is an open enum (then `rawType` and `cases` are set)."),
            .key("isUnion", \.isUnion, "Whether it is a `oneOf`/`anyOf` union (then `alternatives` is set)."),
            .key("properties", \.properties, "A model's properties, in the order of the schema."),
            .key("hasProperties", \.hasProperties, "For a model: whether it has properties."),
            .key(
                "additionalProperties",
                \.additionalProperties,
                "What the schema says of undeclared properties (`true`, `false`, a type), when it says so."
            ),
            .key("pageItemType", \.pageItemType, "For a page of a paginated list: the item type, linked."),
            .key("rawType", \.rawType, "An enum's `String` or `Int`."),
            .key("cases", \.cases, "An enum's values."),
            .key("isAnyOf", \.isAnyOf, "For a union: whether it is an `anyOf`."),
            .key("alternatives", \.alternatives, "A union's alternatives."),
            .key("discriminator", \.discriminator, "A union's discriminator property, a code span."),
            .key(
                "unknownCase",
                \.unknownCase,
                "With a discriminator: the case that keeps unknown values (`.unknown`), a code span."
            ),
            .key("aliasedType", \.aliasedType, "An alias's Swift type, linked."),
        ]

    /// A row of a model's property table.
    struct Property: TypedContext {
        var name: String
        var jsonName: String
        var type: String
        var description: String
        var notes: String
        var row: String

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The Swift name, a code span."),
            .key("jsonName", \.jsonName, "The name on the wire, a code span."),
            .key("type", \.type, "The Swift type, linked."),
            .key("description", \.description, "Its description, for a cell."),
            .key(
                "notes",
                \.notes,
                "Required or optional, nullable, read-only, write-only, deprecated, default, constraints, allowed "
                    + "values."
            ),
            .key("row", \.row, "Helper, for speed: the whole table row, `| … | … |`, of the keys beside it."),
        ]
    }

    /// An enum's value.
    struct Case: TypedContext {
        var name: String
        var value: String

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The static property, a code span (`.rectangle`)."),
            .key("value", \.value, "The raw value as a Swift literal, a code span."),
        ]
    }

    /// A union's alternative.
    struct Alternative: TypedContext {
        var name: String
        var type: String
        var discriminatorValues: String

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The case, a code span."),
            .key("type", \.type, "The alternative's Swift type, linked."),
            .key(
                "discriminatorValues",
                \.discriminatorValues,
                "The discriminator values that select it; `-` when none."
            ),
        ]
    }
}
