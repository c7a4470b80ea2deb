/// The context of the `ApiClient` template: the client that owns the session and gives access
/// to every API group.
struct ApiClientContext: TypedContext {
    var header: HeaderContext
    var groups: [Group]
    var exampleGroup: String?
    var securitySchemes: [Positioned<SecurityScheme>]
    var commonSecurityLiteral: String?
    var serverLiteral: String?
    var serverInterpolation: String?
    var serverTemplateComment: String?
    var serverVariables: [Positioned<ServerVariable>]?

    static let keys: [ContextKey<Self>] =
        HeaderContext.keys(\.header) + [
            .key("groups", \.groups, "Every API group."),
            .key("exampleGroup", \.exampleGroup, "The first group's property name, for the doc example."),
            .key("securitySchemes", \.securitySchemes, "The document's security schemes (`SecuritySchemeSpec`)."),
            .key(
                "commonSecurityLiteral",
                \.commonSecurityLiteral,
                "The security requirements most operations share, `[[\"basicAuth\"], [\"tokenAuth\"]]`, when "
                    + "several do."
            ),
            .key(
                "serverLiteral",
                \.serverLiteral,
                "The first server's URL as a Swift string literal, its variables at their defaults."
            ),
            .key(
                "serverInterpolation",
                \.serverInterpolation,
                "When the first server's URL has variables: it as a Swift string literal that interpolates them, "
                    + "`\"https://\\(region).example.com\"`."
            ),
            .key("serverTemplateComment", \.serverTemplateComment, "With `serverInterpolation`: the URL as written."),
            .key(
                "serverVariables",
                \.serverVariables,
                "With `serverInterpolation`: the variables, parameters of `server(…)`."
            ),
        ]

    struct Group: TypedContext {
        var typeName: String
        var propertyName: String
        var tag: String

        static let keys: [ContextKey<Self>] = [
            .key("typeName", \.typeName, "The group's Swift type (`TasksApi`)."),
            .key("propertyName", \.propertyName, "The client's property for it (`tasksApi`)."),
            .key("tag", \.tag, "The tag, on one line."),
        ]
    }

    struct SecurityScheme: TypedContext {
        var nameLiteral: String
        var kind: String
        var apiKey: APIKey?
        var prefixLiteral: String?

        static let keys: [ContextKey<Self>] = [
            .key("nameLiteral", \.nameLiteral, "The scheme's name as a Swift string literal."),
            .key("kind", \.kind, "`httpBasic`, `httpBearer` or `apiKey`."),
            .key("apiKey", \.apiKey, "For an API key: where it goes."),
            .key("prefixLiteral", \.prefixLiteral, "A prefix put before the credential (`\"Token \"`), a literal."),
        ]

        struct APIKey: TypedContext {
            var parameterNameLiteral: String
            var location: String

            static let keys: [ContextKey<Self>] = [
                .key(
                    "parameterNameLiteral",
                    \.parameterNameLiteral,
                    "The header, query item or cookie name, a literal."
                ),
                .key("location", \.location, "`header`, `query` or `cookie`."),
            ]
        }
    }

    struct ServerVariable: TypedContext {
        var name: String
        var parameter: String
        var valueEnum: ValueEnum?
        var documentation: [String]

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The Swift parameter name."),
            .key(
                "parameter",
                \.parameter,
                "Helper: `region: ServerRegion = .eu` (or `basePath: String = \"v1\"` without an `enum`), the "
                    + "default the document gives."
            ),
            .key(
                "valueEnum",
                \.valueEnum,
                "When the variable lists its values (`enum`): the enum nested in `ApiClient` that takes them."
            ),
            .key("documentation", \.documentation, "The `- name:` doc lines: description and allowed values."),
        ]

        struct ValueEnum: TypedContext {
            var name: String
            var wireNameComment: String
            var cases: [Case]

            static let keys: [ContextKey<Self>] = [
                .key("name", \.name, "Its Swift name: `ServerRegion`."),
                .key("wireNameComment", \.wireNameComment, "The variable's name in the URL, for a doc comment."),
                .key("cases", \.cases, "One per value."),
            ]
        }

        struct Case: TypedContext {
            var declaration: String

            static let keys: [ContextKey<Self>] = [
                .key("declaration", \.declaration, "`eu`, or `apiExampleCom = \"api.example.com\"`.")
            ]
        }
    }
}
