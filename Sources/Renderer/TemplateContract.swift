/// Every key each template receives, with what it holds: the contract between specforge and
/// a template set (`--templates DIR`).
///
/// `Templates/README.md` is printed from this table (`TemplateContract.markdown`) and a test
/// keeps the two equal; another test renders real documents and requires every key a context
/// holds to be listed here with its kind, and every key listed here to occur. `specforge
/// dump-model --template-context` prints the contexts themselves.
public enum TemplateContract {
    /// What a key holds.
    public enum Kind: String, Sendable {
        /// Text, printed with `{{key}}`.
        case text
        /// `true` or `false`, for `{{#key}}…{{/key}}` and `{{^key}}…{{/key}}`.
        case flag
        /// Lines of text, each printed with `{{#key}}{{.}}{{/key}}`.
        case lines
        /// A list of objects, each with the keys listed under it.
        case list
        /// One object with the keys listed under it; absent when there is none.
        case object
    }

    public struct Key: Sendable {
        public let name: String
        public let kind: Kind
        /// Whether the key may be missing (then `{{#key}}` skips and `{{^key}}` prints).
        public let isOptional: Bool
        public let meaning: String
        public let keys: [Key]

        init(_ name: String, _ kind: Kind, optional: Bool = false, _ meaning: String, _ keys: [Key] = []) {
            self.name = name
            self.kind = kind
            self.isOptional = optional
            self.meaning = meaning
            self.keys = keys
        }
    }

    public struct Template: Sendable {
        public let name: String
        public let purpose: String
        public let keys: [Key]
    }

    static let header = [
        Key("title", .text, "The document's `info.title`, on one line."),
        Key("version", .text, "The document's `info.version`, on one line."),
    ]

    private static let position = [
        Key("isFirst", .flag, "Whether this is the first item of the list."),
        Key("isLast", .flag, "Whether this is the last item of the list."),
    ]

    private static let typeDeclaration = [
        Key("typeName", .text, "The Swift type's name (`TaskRead`)."),
        Key("documentation", .lines, "The `///` lines of the schema's title and description (and deprecation)."),
        Key("hasDocumentation", .flag, "Whether `documentation` has lines."),
        Key("isDeprecated", .flag, "Whether the schema is `deprecated`."),
    ]

    private static let argument = [
        Key("name", .text, "The argument's Swift name, escaped with backticks where it is a keyword."),
        Key("type", .text, "Its Swift type (`Int?`, `[String]`, `TaskWriteRequest`)."),
        Key("isOptional", .flag, "Whether the type is optional (the argument defaults to `nil`)."),
        Key("parameter", .text, "Helper, for speed: the whole declaration, `name: Type` or `name: Type? = nil`."),
    ]

    /// The templates and their keys, in the order the renderer uses them: the code's, then
    /// the reference pages' (`PageTemplateContract.swift`).
    public static let templates = codeTemplates + pageTemplates

    private static let codeTemplates: [Template] = [
        Template(
            name: "Header",
            purpose: "A partial (`{{> Header}}`) every other template starts with; it sees the context of the "
                + "template that includes it.",
            keys: header
        ),
        Template(
            name: "Model",
            purpose: "An object schema: a struct conforming to `APIObject`, one file per model.",
            keys: header + typeDeclaration + [
                Key(
                    "properties",
                    .list,
                    "The stored properties, in the order of the schema.",
                    [
                        Key("name", .text, "The Swift name, escaped with backticks where it is a keyword."),
                        Key(
                            "storedName",
                            .text,
                            "Where the value is stored: `name`, or `_name` for a deprecated property, whose "
                                + "public `name` is a deprecated computed property over it (callers are warned, the "
                                + "model's own initialisers and `fields` are not)."
                        ),
                        Key("isDeprecated", .flag, "Whether the property is `deprecated`."),
                        Key("type", .text, "The Swift type, optional (`?`) unless the property is required."),
                        Key("isOptional", .flag, "Whether the type is optional."),
                        Key(
                            "isIndirect",
                            .flag,
                            "Whether the property is part of a reference cycle and must be stored "
                                + "`@Indirect` (a `var`, the property wrapper needs one)."
                        ),
                        Key(
                            "parameter",
                            .text,
                            "Helper, for speed: the memberwise initialiser's parameter, `name: Type`, "
                                + "`name: Type? = nil`, or `kind: Kind = .text` for a property that can hold one "
                                + "value only (`const`), with a comma unless it is the last."
                        ),
                        Key("documentation", .lines, "The property's `///` lines, indented for a member."),
                    ]
                ),
                Key("hasProperties", .flag, "Whether there are properties."),
                Key(
                    "fieldsLiteral",
                    .text,
                    "Helper, for speed: the array literal of `ModelField`s for `static let fields`, "
                        + "`[ModelField(\"id\", \\.id), …]`: each property's JSON name and key path, and the "
                        + "constraints checked before sending (`rules: [.maxLength(256)]`)."
                ),
                Key(
                    "pageItemType",
                    .text,
                    optional: true,
                    "For a paginated list (`count`, `next`, `results`): the item type; the model then conforms "
                        + "to `PaginatedList`."
                ),
                Key(
                    "nextPageURL",
                    .text,
                    optional: true,
                    "With `pageItemType`: the expression that reads the next page's URL (`next` or `next ?? nil`)."
                ),
            ]
        ),
        Template(
            name: "Enum",
            purpose: "A string or integer `enum` schema: an open enum (`OpenEnum`) that keeps unknown values.",
            keys: header + typeDeclaration + [
                Key("rawType", .text, "`String` or `Int`."),
                Key("hasCases", .flag, "Whether the schema lists values."),
                Key(
                    "cases",
                    .list,
                    "The values, in the order of the schema.",
                    [
                        Key("name", .text, "The static property's Swift name (`audioMp3`)."),
                        Key("literal", .text, "The raw value as a Swift literal (`\"audio_mp3\"`, `3`)."),
                        Key("typeName", .text, "The enum's name again (a lookup in the case is faster)."),
                        Key(
                            "documentation",
                            .lines,
                            "The `///` lines of the value's description, where the document gives one "
                                + "(3.1's titled constants)."
                        ),
                    ]
                ),
                Key("allCasesLiteral", .text, "Helper, for speed: `[.a, .b]`, every case."),
            ]
        ),
        Template(
            name: "Union",
            purpose: "A `oneOf` or `anyOf` schema: an enum with one case per alternative.",
            keys: header + typeDeclaration + [
                Key(
                    "cases",
                    .list,
                    "The alternatives, in the order of the schema.",
                    [
                        Key("name", .text, "The case's Swift name."),
                        Key("nameLiteral", .text, "The case's name as a Swift string literal, for error messages."),
                        Key("type", .text, "The alternative's Swift type."),
                        Key("hasDiscriminatorValues", .flag, "Whether discriminator values select this case."),
                        Key(
                            "discriminatorValues",
                            .list,
                            "The discriminator values that select it.",
                            [Key("literal", .text, "The value as a Swift string literal.")] + position
                        ),
                        Key(
                            "keepsUnknownValues",
                            .flag,
                            "Whether the alternative keeps values it does not know (an open enum): without a "
                                + "discriminator it takes a value only if `isKnown`, before `firstOpenCase`."
                        ),
                    ] + position
                ),
                Key(
                    "firstOpenCase",
                    .object,
                    optional: true,
                    "Without a discriminator: the first alternative that keeps unknown values, which takes "
                        + "a value no alternative knows.",
                    [
                        Key("name", .text, "The case's Swift name."),
                        Key("type", .text, "The alternative's Swift type."),
                    ]
                ),
                Key(
                    "branches",
                    .list,
                    optional: true,
                    "With a discriminator: the `switch`'s branches, every value in exactly one.",
                    [
                        Key(
                            "values",
                            .list,
                            "The discriminator values of the branch.",
                            [Key("literal", .text, "The value as a Swift string literal.")] + position
                        ),
                        Key(
                            "alternatives",
                            .list,
                            "The alternatives that pin these values, in the order they are tried (the one that "
                                + "requires more properties first).",
                            [
                                Key("name", .text, "The case's Swift name."),
                                Key("type", .text, "The alternative's Swift type."),
                                Key("isOnly", .flag, "Whether it is the branch's only alternative."),
                            ] + position
                        ),
                        Key("isShared", .flag, "Whether several alternatives pin these values."),
                        Key(
                            "alternativesLiteral",
                            .text,
                            "Helper: `[(\"input\", Input.self), …]`, the alternatives for `DecodingError.noAlternative`."
                        ),
                    ]
                ),
                Key(
                    "discriminator",
                    .object,
                    optional: true,
                    "Present when the schema names a discriminator property.",
                    [Key("propertyLiteral", .text, "The property's JSON name as a Swift string literal.")]
                ),
                Key("typeNameLiteral", .text, "The union's name as a Swift string literal, for error messages."),
                Key("isRecursive", .flag, "Whether the union contains itself: then it must be an `indirect enum`."),
                Key(
                    "unknownCaseName",
                    .text,
                    optional: true,
                    "With a discriminator: the case (`unknown`) that keeps a value with an unknown discriminator "
                        + "as `JSONValue`."
                ),
            ]
        ),
        Template(
            name: "TypeAlias",
            purpose: "A schema that is another type under a new name (an array, a map, a primitive).",
            keys: header + typeDeclaration + [Key("type", .text, "The aliased Swift type.")]
        ),
        Template(
            name: "Api",
            purpose: "One API group (an OpenAPI tag): a struct with one method per operation, and the "
                + "`Endpoint` descriptors the runtime sends them with.",
            keys: header + [
                Key("typeName", .text, "The group's Swift type (`TasksApi`)."),
                Key("tag", .text, "The tag, on one line."),
                Key("documentation", .lines, "The tag's description as `///` lines."),
                Key("operations", .list, "The operations, in the order of the document.", operation + position),
            ]
        ),
        Template(
            name: "ApiClient",
            purpose: "The client that owns the session and gives access to every API group (rendered by the "
                + "post-processor, which sees them all).",
            keys: header + [
                Key(
                    "groups",
                    .list,
                    "Every API group.",
                    [
                        Key("typeName", .text, "The group's Swift type (`TasksApi`)."),
                        Key("propertyName", .text, "The client's property for it (`tasksApi`)."),
                        Key("tag", .text, "The tag, on one line."),
                    ]
                ),
                Key("exampleGroup", .text, optional: true, "The first group's property name, for the doc example."),
                Key(
                    "securitySchemes",
                    .list,
                    "The document's security schemes (`SecuritySchemeSpec`).",
                    [
                        Key("nameLiteral", .text, "The scheme's name as a Swift string literal."),
                        Key("kind", .text, "`httpBasic`, `httpBearer` or `apiKey`."),
                        Key(
                            "apiKey",
                            .object,
                            optional: true,
                            "For an API key: where it goes.",
                            [
                                Key("parameterNameLiteral", .text, "The header, query item or cookie name, a literal."),
                                Key("location", .text, "`header`, `query` or `cookie`."),
                            ]
                        ),
                        Key(
                            "prefixLiteral",
                            .text,
                            optional: true,
                            "A prefix put before the credential (`\"Token \"`), a literal."
                        ),
                    ] + position
                ),
                Key(
                    "commonSecurityLiteral",
                    .text,
                    optional: true,
                    "The security requirements most operations share, `[[\"basicAuth\"], [\"tokenAuth\"]]`, "
                        + "when several do."
                ),
                Key(
                    "serverLiteral",
                    .text,
                    optional: true,
                    "The first server's URL as a Swift string literal, its variables at their defaults."
                ),
                Key(
                    "serverInterpolation",
                    .text,
                    optional: true,
                    "When the first server's URL has variables: it as a Swift string literal that interpolates "
                        + "them, `\"https://\\(region).example.com\"`."
                ),
                Key("serverTemplateComment", .text, optional: true, "With `serverInterpolation`: the URL as written."),
                Key(
                    "serverVariables",
                    .list,
                    optional: true,
                    "With `serverInterpolation`: the variables, parameters of `server(…)`.",
                    [
                        Key("name", .text, "The Swift parameter name."),
                        Key(
                            "parameter",
                            .text,
                            "Helper: `region: ServerRegion = .eu` (or `basePath: String = \"v1\"` without an `enum`), "
                                + "the default the document gives."
                        ),
                        Key(
                            "valueEnum",
                            .object,
                            optional: true,
                            "When the variable lists its values (`enum`): the enum nested in `ApiClient` that takes "
                                + "them.",
                            [
                                Key("name", .text, "Its Swift name: `ServerRegion`."),
                                Key("wireNameComment", .text, "The variable's name in the URL, for a doc comment."),
                                Key(
                                    "cases",
                                    .list,
                                    "One per value.",
                                    [Key("declaration", .text, "`eu`, or `apiExampleCom = \"api.example.com\"`.")]
                                ),
                            ]
                        ),
                        Key("documentation", .lines, "The `- name:` doc lines: description and allowed values."),
                    ] + position
                ),
            ]
        ),
    ]

    private static let operation: [Key] = [
        Key("name", .text, "The method's Swift name, escaped where it is a keyword."),
        Key("bareName", .text, "The same without backticks, for derived names (`listEndpoint`, `listAllItems`)."),
        Key(
            "symbolLink",
            .text,
            "The method as a DocC symbol link names it, `list(page:pageSize:options:)` (print it between double "
                + "backticks)."
        ),
        Key("documentation", .lines, "The method's `///` lines: summary, description, request line, parameters."),
        Key("isDeprecated", .flag, "Whether the operation is `deprecated`."),
        Key(
            "arguments",
            .list,
            "The method's arguments before `options`: required parameters, a required body, optional "
                + "parameters, an optional body.",
            argument
        ),
        Key("returnType", .text, "The type `ApiResponse` carries: the success response's model, or `Void`."),
        Key(
            "sendMethod",
            .text,
            "The `APISession` method the call goes through: `send`, or `events` when it answers with an event stream."
        ),
        Key("idLiteral", .text, "The operationId as a Swift string literal."),
        Key("method", .text, "The HTTP method in lower case (`get`), an `HTTPMethod` case."),
        Key("methodUpper", .text, "The HTTP method in upper case, for documentation."),
        Key("pathLiteral", .text, "The path template as a Swift string literal (`\"/api/tasks/{id}\"`)."),
        Key("pathComment", .text, "The path for a doc comment."),
        Key(
            "parameters",
            .list,
            "The parameters in the order of the document (`Endpoint.parameters`).",
            [
                Key("name", .text, "The argument that carries it."),
                Key("wireLiteral", .text, "Its name on the wire, a Swift string literal."),
                Key("location", .text, "`path`, `query`, `header` or `cookie`."),
                Key("typeLiteral", .text, "Its Swift type's name as a literal, for error messages."),
                Key("isRequired", .flag, "Whether the document requires it."),
                Key("style", .text, optional: true, "The serialisation style, when the document sets one (`form`)."),
                Key("explode", .text, optional: true, "`true` or `false`, when the document sets `explode`."),
                Key(
                    "rulesLiteral",
                    .text,
                    optional: true,
                    "The constraints the client checks before sending, as `ValueRules` (`[.minimum(1)]`), "
                        + "when the schema has any that apply to the type."
                ),
            ] + position
        ),
        Key("hasParameters", .flag, "Whether there are parameters."),
        Key("parameterValuesLiteral", .text, "Helper, for speed: `[id, org]`, the arguments in parameter order."),
        Key(
            "responses",
            .list,
            "The declared responses (`Endpoint.responses`).",
            [
                Key("statusLiteral", .text, "The status (`\"200\"`, `\"4XX\"`, `\"default\"`) as a literal."),
                Key("contentTypeLiteral", .text, optional: true, "Its media type, a literal."),
                Key("typeLiteral", .text, optional: true, "Its body's Swift type name, a literal."),
                Key("isPrimary", .flag, "Whether this is the response `returnType` decodes."),
            ] + position
        ),
        Key("hasResponses", .flag, "Whether there are responses."),
        Key(
            "securityExpression",
            .text,
            "The operation's security requirements: `ApiClient.commonSecurity` or a literal "
                + "(`[[\"basicAuth\"]]`, `[]` for none)."
        ),
        Key("bodyName", .text, optional: true, "The body argument's name, when the operation takes a body."),
        Key(
            "requestContentTypesLiteral",
            .text,
            optional: true,
            "The body's media types, `[\"application/json\", \"multipart/form-data\"]`."
        ),
        Key(
            "formEncodingExpression",
            .text,
            optional: true,
            "For form bodies: `FormEncoding(…)`, how arrays and parts are named and typed."
        ),
        Key(
            "pageItemType",
            .text,
            optional: true,
            "For a paginated list operation: the item type of `…AllItems`."
        ),
        Key("pageArguments", .list, optional: true, "With `pageItemType`: the arguments but `page`.", argument),
        Key(
            "streamName",
            .text,
            optional: true,
            "When the success response may also be `text/event-stream`: the name of the method that reads it "
                + "as events (`createStream`), sending `Self.createEndpoint.streaming()`."
        ),
        Key(
            "paging",
            .object,
            optional: true,
            "When the list pages by `Link` header, cursor or offset (not Django's body): its `…AllItems`.",
            [
                Key("isLinkHeader", .flag, "Pages linked by RFC 8288 `Link: <…>; rel=\"next\"` headers."),
                Key("isCursor", .flag, "Each page carries the next one's cursor, sent back in a parameter."),
                Key("isOffset", .flag, "A parameter counts the items to skip."),
                Key("itemType", .text, "The items' Swift type."),
                Key("positionType", .text, "What locates a page: `URL`, or the cursor's or offset's type."),
                Key("arguments", .list, "The method's arguments but the position's.", argument),
                Key(
                    "callArguments",
                    .text,
                    "Helper: `id: id, cursor: position, `, the call of the method for the page at `position`."
                ),
                Key(
                    "itemsExpression",
                    .text,
                    "The page's items, `page.data ?? []` (`page` when the body is the array)."
                ),
                Key("nextExpression", .text, optional: true, "Cursor: the next cursor, `page.nextCursor`."),
                Key("totalExpression", .text, optional: true, "Offset: the total as an `Int`, when the body has one."),
            ]
        ),
        Key(
            "errorType",
            .object,
            optional: true,
            "When responses outside 2xx declare a body: the nested enum that gives them typed.",
            [
                Key("name", .text, "Its name (`CreateError`), one no model has."),
                Key("statusesLiteral", .text, "The statuses it decodes, `[\"404\", \"default\"]`."),
                Key(
                    "cases",
                    .list,
                    "One per such response.",
                    [
                        Key("name", .text, "`status404`, `status4XX`, or `other` for `default`."),
                        Key("statusLiteral", .text, "The status as a Swift string literal."),
                        Key("type", .text, "The body's Swift type."),
                        Key("comment", .text, "The status and the response's description, on one line."),
                    ] + position
                ),
            ]
        ),
        Key(
            "pageCallArguments",
            .text,
            optional: true,
            "With `pageItemType`, a helper: `id: id, org: org, `, the call from `…AllItems` to the method."
        ),
    ]

    /// The contract as Markdown: `Templates/README.md` below its introduction.
    public static var markdown: String {
        var text = ""
        for template in templates {
            text += "\n### `\(template.name).mustache`\n\n\(template.purpose)\n\n"
            text += "| key | kind | holds |\n|---|---|---|\n"
            for row in rows(template.keys, prefix: "") { text += row + "\n" }
        }
        return text
    }

    private static func rows(_ keys: [Key], prefix: String) -> [String] {
        keys.flatMap { key -> [String] in
            let kind = key.kind.rawValue + (key.isOptional ? ", optional" : "")
            let meaning = key.meaning.replacingOccurrences(of: "|", with: "\\|")
            return ["| `\(prefix)\(key.name)` | \(kind) | \(meaning) |"]
                + rows(key.keys, prefix: prefix + key.name + ".")
        }
    }
}
