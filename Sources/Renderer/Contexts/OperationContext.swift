extension ApiContext {
    /// One operation of the group: its method, its `Endpoint`, and the extras some operations
    /// have (a body, an event stream, typed errors, paging).
    struct Operation: TypedContext {
        var name: String
        var bareName: String
        var symbolLink: String
        var documentation: [String]
        var isDeprecated: Bool
        var arguments: [Argument]
        var returnType: String
        var sendMethod: String
        var idLiteral: String
        var method: String
        var methodUpper: String
        var pathLiteral: String
        var pathComment: String
        var parameters: [Positioned<Parameter>]
        var parameterValuesLiteral: String
        var responses: [Positioned<Response>]
        var securityExpression: String
        var bodyName: String?
        var requestContentTypesLiteral: String?
        var formEncodingExpression: String?
        var pageItemType: String?
        var pageArguments: [Argument]?
        var streamName: String?
        var paging: Paging?
        var errorType: ErrorType?
        var pageCallArguments: String?

        var hasParameters: Bool { !parameters.isEmpty }
        var hasResponses: Bool { !responses.isEmpty }

        static let keys: [ContextKey<Self>] = [
            .key("name", \.name, "The method's Swift name, escaped where it is a keyword."),
            .key(
                "bareName",
                \.bareName,
                "The same without backticks, for derived names (`listEndpoint`, `listAllItems`)."
            ),
            .key(
                "symbolLink",
                \.symbolLink,
                "The method as a DocC symbol link names it, `list(page:pageSize:options:)` (print it between double "
                    + "backticks)."
            ),
            .key(
                "documentation",
                \.documentation,
                "The method's `///` lines: summary, description, request line, parameters."
            ),
            .key("isDeprecated", \.isDeprecated, "Whether the operation is `deprecated`."),
            .key(
                "arguments",
                \.arguments,
                "The method's arguments before `options`: required parameters, a required body, optional "
                    + "parameters, an optional body."
            ),
            .key(
                "returnType",
                \.returnType,
                "The type `ApiResponse` carries: the success response's model, or `Void`."
            ),
            .key(
                "sendMethod",
                \.sendMethod,
                "The `APISession` method the call goes through: `send`, or `events` when it answers with an event "
                    + "stream."
            ),
            .key("idLiteral", \.idLiteral, "The operationId as a Swift string literal."),
            .key("method", \.method, "The HTTP method in lower case (`get`), an `HTTPMethod` case."),
            .key("methodUpper", \.methodUpper, "The HTTP method in upper case, for documentation."),
            .key("pathLiteral", \.pathLiteral, "The path template as a Swift string literal (`\"/api/tasks/{id}\"`)."),
            .key("pathComment", \.pathComment, "The path for a doc comment."),
            .key("parameters", \.parameters, "The parameters in the order of the document (`Endpoint.parameters`)."),
            .key("hasParameters", \.hasParameters, "Whether there are parameters."),
            .key(
                "parameterValuesLiteral",
                \.parameterValuesLiteral,
                "Helper, for speed: `[id, org]`, the arguments in parameter order."
            ),
            .key("responses", \.responses, "The declared responses (`Endpoint.responses`)."),
            .key("hasResponses", \.hasResponses, "Whether there are responses."),
            .key(
                "securityExpression",
                \.securityExpression,
                "The operation's security requirements: `ApiClient.commonSecurity` or a literal "
                    + "(`[[\"basicAuth\"]]`, `[]` for none)."
            ),
            .key("bodyName", \.bodyName, "The body argument's name, when the operation takes a body."),
            .key(
                "requestContentTypesLiteral",
                \.requestContentTypesLiteral,
                "The body's media types, `[\"application/json\", \"multipart/form-data\"]`."
            ),
            .key(
                "formEncodingExpression",
                \.formEncodingExpression,
                "For form bodies: `FormEncoding(…)`, how arrays and parts are named and typed."
            ),
            .key("pageItemType", \.pageItemType, "For a paginated list operation: the item type of `…AllItems`."),
            .key("pageArguments", \.pageArguments, "With `pageItemType`: the arguments but `page`."),
            .key(
                "streamName",
                \.streamName,
                "When the success response may also be `text/event-stream`: the name of the method that reads it "
                    + "as events (`createStream`), sending `Self.createEndpoint.streaming()`."
            ),
            .key(
                "paging",
                \.paging,
                "When the list pages by `Link` header, cursor or offset (not Django's body): its `…AllItems`."
            ),
            .key(
                "errorType",
                \.errorType,
                "When responses outside 2xx declare a body: the nested enum that gives them typed."
            ),
            .key(
                "pageCallArguments",
                \.pageCallArguments,
                "With `pageItemType`, a helper: `id: id, org: org, `, the call from `…AllItems` to the method."
            ),
        ]
    }
}
