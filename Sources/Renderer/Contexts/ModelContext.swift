/// The context of the `Model` template: an object schema, a struct conforming to `APIObject`,
/// one file per model.
struct ModelContext: TypedContext {
    var header: HeaderContext
    var declaration: DeclarationContext
    var properties: [Property]
    var fieldsLiteral: String
    var pageItemType: String?
    var nextPageURL: String?

    var hasProperties: Bool { !properties.isEmpty }

    static let keys: [ContextKey<Self>] =
        HeaderContext.keys(\.header) + DeclarationContext.keys(\.declaration) + [
            .key("properties", \.properties, "The stored properties, in the order of the schema."),
            .key("hasProperties", \.hasProperties, "Whether there are properties."),
            .key(
                "fieldsLiteral",
                \.fieldsLiteral,
                "Helper, for speed: the array literal of `ModelField`s for `static let fields`, "
                    + "`[ModelField(\"id\", \\.id), …]`: each property's JSON name and key path, and the "
                    + "constraints checked before sending (`rules: [.maxLength(256)]`)."
            ),
            .key(
                "pageItemType",
                \.pageItemType,
                "For a paginated list (`count`, `next`, `results`): the item type; the model then conforms "
                    + "to `PaginatedList`."
            ),
            .key(
                "nextPageURL",
                \.nextPageURL,
                "With `pageItemType`: the expression that reads the next page's URL (`next` or `next?.value`), "
                    + "the model's `StructModel.nextPageURLExpression`."
            ),
        ]

    /// One stored property.
    struct Property: TypedContext {
        var name: String
        var storedName: String
        var isDeprecated: Bool
        var type: String
        var isOptional: Bool
        var isIndirect: Bool
        var parameter: String
        var documentation: [String]

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The Swift name, escaped with backticks where it is a keyword."),
            .key(
                "storedName",
                \.storedName,
                "Where the value is stored: `name`, or `_name` for a deprecated property, whose public `name` is "
                    + "a deprecated computed property over it (callers are warned, the model's own initialisers "
                    + "and `fields` are not)."
            ),
            .key("isDeprecated", \.isDeprecated, "Whether the property is `deprecated`."),
            .key(
                "type",
                \.type,
                "The Swift type, optional (`?`) unless the property is required; `Nullable<T>?` when it is "
                    + "neither required nor non-nullable."
            ),
            .key("isOptional", \.isOptional, "Whether the type is optional."),
            .key(
                "isIndirect",
                \.isIndirect,
                "Whether the property is part of a reference cycle and must be stored `@Indirect` (a `var`, the "
                    + "property wrapper needs one)."
            ),
            .key(
                "parameter",
                \.parameter,
                "Helper, for speed: the memberwise initialiser's parameter, `name: Type`, `name: Type? = nil`, or "
                    + "`kind: Kind = .text` for a property that can hold one value only (`const`), with a comma "
                    + "unless it is the last."
            ),
            .key("documentation", \.documentation, "The property's `///` lines, indented for a member."),
        ]
    }
}
