/// The context of the `Api` template: one API group (an OpenAPI tag), a struct with one method
/// per operation, and the `Endpoint` descriptors the runtime sends them with.
struct ApiContext: TypedContext {
    var header: HeaderContext
    var typeName: String
    var tag: String
    var documentation: [String]
    var operations: [Positioned<Operation>]

    static let keys: [ContextKey<Self>] =
        HeaderContext.keys(\.header) + [
            .key("typeName", \.typeName, "The group's Swift type (`TasksApi`)."),
            .key("tag", \.tag, "The tag, on one line."),
            .key("documentation", \.documentation, "The tag's description as `///` lines."),
            .key("operations", \.operations, "The operations, in the order of the document."),
        ]

    /// A method argument.
    struct Argument: TypedContext {
        var name: String
        var type: String
        var isOptional: Bool
        var parameter: String

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The argument's Swift name, escaped with backticks where it is a keyword."),
            .key("type", \.type, "Its Swift type (`Int?`, `[String]`, `TaskWriteRequest`)."),
            .key("isOptional", \.isOptional, "Whether the type is optional (the argument defaults to `nil`)."),
            .key(
                "parameter",
                \.parameter,
                "Helper, for speed: the whole declaration, `name: Type` or `name: Type? = nil`."
            ),
        ]
    }

    /// One `Endpoint.Parameter`: what the runtime needs to serialise an argument.
    struct Parameter: TypedContext {
        var name: String
        var wireLiteral: String
        var location: String
        var metatype: String
        var isRequired: Bool
        var style: String?
        var explode: String?
        var rulesLiteral: String?

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The argument that carries it."),
            .key("wireLiteral", \.wireLiteral, "Its name on the wire, a Swift string literal."),
            .key("location", \.location, "`path`, `query`, `header` or `cookie`."),
            .key(
                "metatype",
                \.metatype,
                "Its Swift type as a metatype expression (`[Int]?.self`), for error messages."
            ),
            .key("isRequired", \.isRequired, "Whether the document requires it."),
            .key("style", \.style, "The serialisation style, when the document sets one (`form`)."),
            .key("explode", \.explode, "`true` or `false`, when the document sets `explode`."),
            .key(
                "rulesLiteral",
                \.rulesLiteral,
                "The constraints the client checks before sending, as `ValueRules` (`[.minimum(1)]`), when the "
                    + "schema has any that apply to the type."
            ),
        ]
    }

    /// One `Endpoint.Response`.
    struct Response: TypedContext {
        var statusLiteral: String
        var contentTypeLiteral: String?
        var metatype: String?
        var isPrimary: Bool

        static let keys: [ContextKey<Self>] = [
            .key("statusLiteral", \.statusLiteral, "The status (`\"200\"`, `\"4XX\"`, `\"default\"`) as a literal."),
            .key("contentTypeLiteral", \.contentTypeLiteral, "Its media type, a literal."),
            .key("metatype", \.metatype, "Its body's Swift type as a metatype expression (`TaskRead.self`)."),
            .key("isPrimary", \.isPrimary, "Whether this is the response `returnType` decodes."),
        ]
    }

    /// An `…AllItems` that pages by `Link` header, cursor or offset.
    struct Paging: TypedContext {
        var isLinkHeader: Bool
        var isCursor: Bool
        var isOffset: Bool
        var itemType: String
        var positionType: String
        var arguments: [Argument]
        var callArguments: String
        var itemsExpression: String
        var nextExpression: String?
        var totalExpression: String?

        static let keys: [ContextKey<Self>] = [
            .key("isLinkHeader", \.isLinkHeader, "Pages linked by RFC 8288 `Link: <…>; rel=\"next\"` headers."),
            .key("isCursor", \.isCursor, "Each page carries the next one's cursor, sent back in a parameter."),
            .key("isOffset", \.isOffset, "A parameter counts the items to skip."),
            .key("itemType", \.itemType, "The items' Swift type."),
            .key("positionType", \.positionType, "What locates a page: `URL`, or the cursor's or offset's type."),
            .key("arguments", \.arguments, "The method's arguments but the position's."),
            .key(
                "callArguments",
                \.callArguments,
                "Helper: `id: id, cursor: position, `, the call of the method for the page at `position`."
            ),
            .key(
                "itemsExpression",
                \.itemsExpression,
                "The page's items, `(page.data ?? [])` (`page` when the body is the array); the model's "
                    + "`PaginationModel.itemsExpression`, as are the next two."
            ),
            .key("nextExpression", \.nextExpression, "Cursor: the next cursor, `page.nextCursor?.value`."),
            .key("totalExpression", \.totalExpression, "Offset: the total as an `Int`, when the body has one."),
        ]
    }

    /// The nested enum that gives the responses outside 2xx typed.
    struct ErrorType: TypedContext {
        var name: String
        var statusesLiteral: String
        var cases: [Positioned<Case>]

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "Its name (`CreateError`), one no model has."),
            .key("statusesLiteral", \.statusesLiteral, "The statuses it decodes, `[\"404\", \"default\"]`."),
            .key("cases", \.cases, "One per such response."),
        ]

        struct Case: TypedContext {
            var name: String
            var statusLiteral: String
            var type: String
            var comment: String

            static let keys: [ContextKey<Self>] = [
                .key("name", \.name, "`status404`, `status4XX`, or `other` for `default`."),
                .key("statusLiteral", \.statusLiteral, "The status as a Swift string literal."),
                .key("type", \.type, "The body's Swift type."),
                .key("comment", \.comment, "The status and the response's description, on one line."),
            ]
        }
    }
}
