/// The keys of the reference pages' templates (`--docs`). Every value is Markdown, ready to
/// print: schema text is made safe for where it goes (a cell is one line with `|` escaped),
/// and types are code spans linked to their model pages.
extension TemplateContract {
    private static let page = [
        Key("title", .text, "The document's `info.title`, on one line."),
        Key("version", .text, "The document's `info.version`, on one line."),
        Key("moduleName", .text, "The Swift module the client is generated for (`import CVAT`)."),
        Key("baseURL", .text, "The first server's URL, or a sentence saying the `Configuration`'s host is used."),
    ]

    private static let methodRow = [
        Key("name", .text, "The method's Swift name."),
        Key("link", .text, "The link to its section (`APIs/ProjectsApi.md#create`, `#create` on the group's page)."),
        Key("httpRequest", .text, "`` `POST /api/projects` ``, a code span."),
        Key("summary", .text, "The operation's summary, for a table cell (empty when there is none)."),
        Key("isDeprecated", .flag, "Whether the operation is `deprecated`."),
        Key("row", .text, "Helper, for speed: the table row, `| [create](#create) | …request… | Create a project |`."),
    ]

    private static let operationSection = [
        Key("name", .text, "The method's Swift name, the section's heading."),
        Key("httpRequest", .text, "`POST /api/projects`, plain."),
        Key("isDeprecated", .flag, "Whether the operation is `deprecated`."),
        Key("summary", .text, optional: true, "The operation's summary, a paragraph."),
        Key("description", .text, optional: true, "The operation's description when it is not the summary."),
        Key("signature", .text, "The method's Swift declaration, one parameter a line."),
        Key(
            "example",
            .text,
            "A complete Swift example: imports, a configured client, every argument given a value (request "
                + "models built out), the call, its result printed."
        ),
        Key(
            "parameters",
            .list,
            "The method's arguments before `options`, in the method's order.",
            [
                Key("name", .text, "The argument's name, a code span."),
                Key("type", .text, "Its Swift type, a code span linked to the model's page where it is one."),
                Key("description", .text, "Its description, for a table cell."),
                Key(
                    "notes",
                    .text,
                    "Where it goes (`query \\`org_id\\``, `body`), default, constraints, optional or required, "
                        + "allowed values, deprecation."
                ),
                Key("row", .text, "Helper, for speed: the whole table row, `| … | … |`, of the keys beside it."),
            ]
        ),
        Key("hasParameters", .flag, "Whether there are arguments besides `options`."),
        Key("returnType", .text, "The type `ApiResponse` carries (`Void` without a body), linked."),
        Key("pageItemType", .text, optional: true, "For a paginated list: the item type of `…AllItems`, linked."),
        Key("allItemsName", .text, optional: true, "With `pageItemType`: the `…AllItems` method's name."),
        Key(
            "pagingHow",
            .text,
            optional: true,
            "With `pageItemType`: how pages follow each other (`following `next` links`)."
        ),
        Key(
            "streamName",
            .text,
            optional: true,
            "When the success response may also be `text/event-stream`: the `…Stream` method that reads it."
        ),
        Key(
            "errorType",
            .text,
            optional: true,
            "When error responses declare bodies: the enum that gives them typed (`TasksApi.CreateError`)."
        ),
        Key(
            "authentication",
            .text,
            optional: true,
            "The security requirements, `` `tokenAuth`, or `sessionAuth` and `csrfAuth` ``; absent when none."
        ),
        Key("requestContentTypes", .lines, "The request body's media types."),
        Key("responseContentTypes", .lines, "Every media type the responses declare, each once."),
        Key(
            "responses",
            .list,
            "The declared responses, in the order of the document.",
            [
                Key("status", .text, "`200`, `4XX`, `default`."),
                Key("description", .text, "The response's description for a cell, `-` when empty."),
                Key("type", .text, "Its body's Swift type, linked; `-` without a body."),
                Key("headers", .text, "The headers it declares, code spans; `-` when none."),
                Key("row", .text, "Helper, for speed: the whole table row, `| … | … |`, of the keys beside it."),
            ]
        ),
    ]

    static let pageTemplates: [Template] = [
        Template(
            name: "DocsIndex",
            purpose: "The reference pages' index (`README.md`): every API group and its methods, every model, "
                + "the authentication schemes.",
            keys: page + [
                Key("description", .text, optional: true, "The document's `info.description`, a paragraph."),
                Key(
                    "groups",
                    .list,
                    "Every API group.",
                    [
                        Key("typeName", .text, "The group's Swift type (`ProjectsApi`)."),
                        Key("propertyName", .text, "`ApiClient`'s property for it (`projectsApi`)."),
                        Key("page", .text, "The group's page (`APIs/ProjectsApi.md`)."),
                        Key("operations", .list, "Its methods, in the order of the document.", methodRow),
                    ]
                ),
                Key(
                    "models",
                    .list,
                    "Every declared type, in the model's order.",
                    [
                        Key("name", .text, "The Swift type's name."),
                        Key("page", .text, "Its page (`Models/ProjectRead.md`)."),
                        Key("kind", .text, "`struct`, `enum`, `oneOf union`, `anyOf union` or `typealias`."),
                        Key("summary", .text, "The first sentence of its description, for a cell."),
                        Key(
                            "row",
                            .text,
                            "Helper, for speed: the whole table row, `| … | … |`, of the keys beside it."
                        ),
                    ]
                ),
                Key(
                    "securitySchemes",
                    .list,
                    "The document's security schemes.",
                    [
                        Key("name", .text, "The scheme's name."),
                        Key("setting", .text, "What it is and the `Configuration` argument that sets it."),
                        Key("description", .text, "Its description, for a cell."),
                    ]
                ),
                Key("hasSecuritySchemes", .flag, "Whether the document declares any."),
            ]
        ),
        Template(
            name: "DocsApi",
            purpose: "One API group's page (`APIs/<Group>.md`): its method table and a section per method.",
            keys: page + [
                Key("typeName", .text, "The group's Swift type (`ProjectsApi`)."),
                Key("propertyName", .text, "`ApiClient`'s property for it (`projectsApi`)."),
                Key("tag", .text, "The tag, for a cell."),
                Key("description", .text, optional: true, "The tag's description, a paragraph."),
                Key("methods", .list, "The method table's rows, in the order of the document.", methodRow),
                Key("operations", .list, "A section per method, in the same order.", operationSection),
            ]
        ),
        Template(
            name: "DocsModel",
            purpose: "One declared type's page (`Models/<Type>.md`): a struct's properties, an enum's values, a "
                + "union's alternatives or an alias's type.",
            keys: page + [
                Key("typeName", .text, "The Swift type's name."),
                Key("kind", .text, "`struct`, `enum`, `oneOf union`, `anyOf union` or `typealias`."),
                Key("pointer", .text, "Where the schema is defined, a code span (`#/components/schemas/Label`)."),
                Key("isDeprecated", .flag, "Whether the schema is `deprecated`."),
                Key("documentation", .text, optional: true, "The schema's title and description, a paragraph."),
                Key("isStruct", .flag, "Whether it is a model (then `properties` is set)."),
                Key("isEnum", .flag, "Whether it is an open enum (then `rawType` and `cases` are set)."),
                Key("isUnion", .flag, "Whether it is a `oneOf`/`anyOf` union (then `alternatives` is set)."),
                Key(
                    "properties",
                    .list,
                    optional: true,
                    "A model's properties, in the order of the schema.",
                    [
                        Key("name", .text, "The Swift name, a code span."),
                        Key("jsonName", .text, "The name on the wire, a code span."),
                        Key("type", .text, "The Swift type, linked."),
                        Key("description", .text, "Its description, for a cell."),
                        Key(
                            "notes",
                            .text,
                            "Required or optional, nullable, read-only, write-only, deprecated, default, "
                                + "constraints, allowed values."
                        ),
                        Key(
                            "row",
                            .text,
                            "Helper, for speed: the whole table row, `| … | … |`, of the keys beside it."
                        ),
                    ]
                ),
                Key("hasProperties", .flag, optional: true, "For a model: whether it has properties."),
                Key(
                    "additionalProperties",
                    .text,
                    optional: true,
                    "What the schema says of undeclared properties (`true`, `false`, a type), when it says so."
                ),
                Key("pageItemType", .text, optional: true, "For a page of a paginated list: the item type, linked."),
                Key("rawType", .text, optional: true, "An enum's `String` or `Int`."),
                Key(
                    "cases",
                    .list,
                    optional: true,
                    "An enum's values.",
                    [
                        Key("name", .text, "The static property, a code span (`.rectangle`)."),
                        Key("value", .text, "The raw value as a Swift literal, a code span."),
                    ]
                ),
                Key("isAnyOf", .flag, optional: true, "For a union: whether it is an `anyOf`."),
                Key(
                    "alternatives",
                    .list,
                    optional: true,
                    "A union's alternatives.",
                    [
                        Key("name", .text, "The case, a code span."),
                        Key("type", .text, "The alternative's Swift type, linked."),
                        Key("discriminatorValues", .text, "The discriminator values that select it; `-` when none."),
                    ]
                ),
                Key("discriminator", .text, optional: true, "A union's discriminator property, a code span."),
                Key(
                    "unknownCase",
                    .text,
                    optional: true,
                    "With a discriminator: the case that keeps unknown values (`.unknown`), a code span."
                ),
                Key("aliasedType", .text, optional: true, "An alias's Swift type, linked."),
            ]
        ),
    ]
}
