/// The contexts of the reference pages' templates (`--docs`). Every value is Markdown, ready to
/// print: schema text is made safe for where it goes (a cell is one line with `|` escaped), and
/// types are code spans linked to their model pages.

/// What every page template is given about the document.
struct PageHeader: Sendable {
    var title: String
    var version: String
    var moduleName: String
    var baseURL: String

    static func keys<Context>(_ path: KeyPath<Context, PageHeader>) -> [ContextKey<Context>] {
        [
            .key("title", path.appending(path: \.title), "The document's `info.title`, on one line."),
            .key("version", path.appending(path: \.version), "The document's `info.version`, on one line."),
            .key(
                "moduleName",
                path.appending(path: \.moduleName),
                "The Swift module the client is generated for (`import CVAT`)."
            ),
            .key(
                "baseURL",
                path.appending(path: \.baseURL),
                "The first server's URL, or a sentence saying the `Configuration`'s host is used."
            ),
        ]
    }
}

/// A row of a method table (the index's and a group page's).
struct MethodRow: TypedContext {
    var name: String
    var link: String
    var httpRequest: String
    var summary: String
    var isDeprecated: Bool
    var row: String

    static let keys: [ContextKey<Self>] = [
        .key("name", \.name, "The method's Swift name."),
        .key("link", \.link, "The link to its section (`APIs/ProjectsApi.md#create`, `#create` on the group's page)."),
        .key("httpRequest", \.httpRequest, "`` `POST /api/projects` ``, a code span."),
        .key("summary", \.summary, "The operation's summary, for a table cell (empty when there is none)."),
        .key("isDeprecated", \.isDeprecated, "Whether the operation is `deprecated`."),
        .key("row", \.row, "Helper, for speed: the table row, `| [create](#create) | …request… | Create a project |`."),
    ]
}

/// The context of the `DocsIndex` template: the reference pages' index (`README.md`).
struct DocsIndexContext: TypedContext {
    var header: PageHeader
    var description: String?
    var groups: [Group]
    var models: [Model]
    var securitySchemes: [SecurityScheme]

    var hasSecuritySchemes: Bool { !securitySchemes.isEmpty }

    static let keys: [ContextKey<Self>] =
        PageHeader.keys(\.header) + [
            .key("description", \.description, "The document's `info.description`, a paragraph."),
            .key("groups", \.groups, "Every API group."),
            .key("models", \.models, "Every declared type, in the model's order."),
            .key("securitySchemes", \.securitySchemes, "The document's security schemes."),
            .key("hasSecuritySchemes", \.hasSecuritySchemes, "Whether the document declares any."),
        ]

    struct Group: TypedContext {
        var typeName: String
        var propertyName: String
        var page: String
        var operations: [MethodRow]

        static let keys: [ContextKey<Self>] = [
            .key("typeName", \.typeName, "The group's Swift type (`ProjectsApi`)."),
            .key("propertyName", \.propertyName, "`ApiClient`'s property for it (`projectsApi`)."),
            .key("page", \.page, "The group's page (`APIs/ProjectsApi.md`)."),
            .key("operations", \.operations, "Its methods, in the order of the document."),
        ]
    }

    struct Model: TypedContext {
        var name: String
        var page: String
        var kind: String
        var summary: String
        var row: String

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The Swift type's name."),
            .key("page", \.page, "Its page (`Models/ProjectRead.md`)."),
            .key("kind", \.kind, "`struct`, `enum`, `oneOf union`, `anyOf union` or `typealias`."),
            .key("summary", \.summary, "The first sentence of its description, for a cell."),
            .key("row", \.row, "Helper, for speed: the whole table row, `| … | … |`, of the keys beside it."),
        ]
    }

    struct SecurityScheme: TypedContext {
        var name: String
        var setting: String
        var description: String

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The scheme's name."),
            .key("setting", \.setting, "What it is and the `Configuration` argument that sets it."),
            .key("description", \.description, "Its description, for a cell."),
        ]
    }
}

/// The context of the `DocsApi` template: one API group's page (`APIs/<Group>.md`).
struct DocsApiContext: TypedContext {
    var header: PageHeader
    var typeName: String
    var propertyName: String
    var tag: String
    var description: String?
    var methods: [MethodRow]
    var operations: [Operation]

    static let keys: [ContextKey<Self>] =
        PageHeader.keys(\.header) + [
            .key("typeName", \.typeName, "The group's Swift type (`ProjectsApi`)."),
            .key("propertyName", \.propertyName, "`ApiClient`'s property for it (`projectsApi`)."),
            .key("tag", \.tag, "The tag, for a cell."),
            .key("description", \.description, "The tag's description, a paragraph."),
            .key("methods", \.methods, "The method table's rows, in the order of the document."),
            .key("operations", \.operations, "A section per method, in the same order."),
        ]

    /// A method's section.
    struct Operation: TypedContext {
        var name: String
        var httpRequest: String
        var isDeprecated: Bool
        var summary: String?
        var description: String?
        var signature: String
        var example: String
        var parameters: [Parameter]
        var returnType: String
        var pageItemType: String?
        var allItemsName: String?
        var pagingHow: String?
        var streamName: String?
        var errorType: String?
        var authentication: String?
        var requestContentTypes: [String]
        var responseContentTypes: [String]
        var responses: [Response]

        var hasParameters: Bool { !parameters.isEmpty }

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The method's Swift name, the section's heading."),
            .key("httpRequest", \.httpRequest, "`POST /api/projects`, plain."),
            .key("isDeprecated", \.isDeprecated, "Whether the operation is `deprecated`."),
            .key("summary", \.summary, "The operation's summary, a paragraph."),
            .key("description", \.description, "The operation's description when it is not the summary."),
            .key("signature", \.signature, "The method's Swift declaration, one parameter a line."),
            .key(
                "example",
                \.example,
                "A complete Swift example: imports, a configured client, every argument given a value (request "
                    + "models built out), the call, its result printed."
            ),
            .key("parameters", \.parameters, "The method's arguments before `options`, in the method's order."),
            .key("hasParameters", \.hasParameters, "Whether there are arguments besides `options`."),
            .key("returnType", \.returnType, "The type `ApiResponse` carries (`Void` without a body), linked."),
            .key("pageItemType", \.pageItemType, "For a paginated list: the item type of `…AllItems`, linked."),
            .key("allItemsName", \.allItemsName, "With `pageItemType`: the `…AllItems` method's name."),
            .key(
                "pagingHow",
                \.pagingHow,
                "With `pageItemType`: how pages follow each other (`following `next` links`)."
            ),
            .key(
                "streamName",
                \.streamName,
                "When the success response may also be `text/event-stream`: the `…Stream` method that reads it."
            ),
            .key(
                "errorType",
                \.errorType,
                "When error responses declare bodies: the enum that gives them typed (`TasksApi.CreateError`)."
            ),
            .key(
                "authentication",
                \.authentication,
                "The security requirements, `` `tokenAuth`, or `sessionAuth` and `csrfAuth` ``; absent when none."
            ),
            .key("requestContentTypes", \.requestContentTypes, "The request body's media types."),
            .key("responseContentTypes", \.responseContentTypes, "Every media type the responses declare, each once."),
            .key("responses", \.responses, "The declared responses, in the order of the document."),
        ]
    }

    /// A row of a method's parameter table.
    struct Parameter: TypedContext {
        var name: String
        var type: String
        var description: String
        var notes: String
        var row: String

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The argument's name, a code span."),
            .key("type", \.type, "Its Swift type, a code span linked to the model's page where it is one."),
            .key("description", \.description, "Its description, for a table cell."),
            .key(
                "notes",
                \.notes,
                "Where it goes (`query \\`org_id\\``, `body`), default, constraints, optional or required, allowed "
                    + "values, deprecation."
            ),
            .key("row", \.row, "Helper, for speed: the whole table row, `| … | … |`, of the keys beside it."),
        ]
    }

    /// A row of a method's response table.
    struct Response: TypedContext {
        var status: String
        var description: String
        var type: String
        var headers: String
        var row: String

        static let keys: [ContextKey<Self>] = [
            .key("status", \.status, "`200`, `4XX`, `default`."),
            .key("description", \.description, "The response's description for a cell, `-` when empty."),
            .key("type", \.type, "Its body's Swift type, linked; `-` without a body."),
            .key("headers", \.headers, "The headers it declares, code spans; `-` when none."),
            .key("row", \.row, "Helper, for speed: the whole table row, `| … | … |`, of the keys beside it."),
        ]
    }
}
