/// The intermediate model: everything the templates print, with every decision made.
///
/// Names are final, types resolved, operations grouped. The renderer turns it into the
/// contexts templates print (`TemplateContract`); `specforge dump-model` prints it as JSON, and
/// `specforge dump-model --template-context` what each template is given.
public struct ClientModel: Sendable, Encodable {
    public var moduleName: String
    public var title: String
    public var version: String
    public var description: String?
    /// The first server's URL, its variables (`{hostname}`) replaced by their defaults.
    public var serverURL: String?
    /// The first server's URL as written, when it has variables, and the variables.
    public var serverTemplate: String?
    public var serverVariables: [ServerVariableModel] = []
    public var groups: [APIGroup]
    public var types: [TypeDeclaration]
    public var securitySchemes: [SecuritySchemeModel]
}

/// How an operation's list is paged, for styles other than Django REST framework's body.
public struct PaginationModel: Sendable, Encodable, Equatable {
    public enum Style: String, Sendable, Encodable {
        /// RFC 8288: `Link: <…?page=2>; rel="next"`; the body is the array of items.
        case linkHeader
        /// The body carries the next page's cursor, sent back in a parameter.
        case cursor
        /// A parameter counts the items to skip; the next page starts after this one.
        case offset
    }

    public var style: Style
    public var itemType: TypeRef
    /// Cursor and offset: the argument (Swift name) the next position is passed in, and its
    /// type without the optional.
    public var positionArgument: String?
    public var positionType: TypeRef?
    /// Cursor and offset: the body's property holding the items (Swift name) and its type;
    /// `nil` when the body is the array itself.
    public var itemsProperty: String?
    public var itemsType: TypeRef?
    /// Cursor: the body's property holding the next cursor, and its type.
    public var cursorProperty: String?
    public var cursorType: TypeRef?
    /// Offset: the body's property holding the total number of items, if there is one.
    public var totalProperty: String?
    public var totalType: TypeRef?
}

/// A `{name}` placeholder of the server URL: a parameter of `ApiClient.server(…)`.
public struct ServerVariableModel: Sendable, Encodable {
    /// The Swift parameter name.
    public var name: String
    /// The placeholder's name in the URL.
    public var wireName: String
    public var defaultValue: String
    public var allowed: [String]
    public var description: String?
    /// For a variable whose values are listed (`enum`), the Swift enum nested in `ApiClient`
    /// that takes them (`ServerRegion`) and its cases, one per value: the parameter is typed,
    /// not a `String`. `nil` without an `enum`, or when the default is not one of its values.
    public var enumName: String?
    public var cases: [EnumModel.Case] = []
}

/// The operations of one tag: one `<Tag>Api` type and one `ApiClient` member.
public struct APIGroup: Sendable, Encodable {
    public var typeName: String
    public var propertyName: String
    public var tag: String
    public var description: String?
    public var operations: [OperationModel]
}

public struct OperationModel: Sendable, Encodable {
    public var name: String
    public var operationId: String
    public var method: String
    public var path: String
    public var summary: String?
    public var description: String?
    public var deprecated: Bool
    public var parameters: [ParameterModel]
    public var body: BodyModel?
    public var responses: [ResponseModel]
    /// The type of the primary success response; nil when it has no body.
    public var returnType: TypeRef?
    /// `[[scheme]]` alternatives; empty when the operation needs no credentials.
    public var security: [[String]]
    /// Set when the return type is a paginated list: the element type.
    public var pageItemType: TypeRef?
    public var pointer: String
    /// How `…AllItems` walks the pages, when they are not Django's (`pageItemType`): pages
    /// linked by a `Link` header, by a cursor, or by an offset.
    public var pagination: PaginationModel?
    /// When the success response can also be a `text/event-stream` (an OpenAI-style
    /// `"stream": true` request): the name of the method that reads it as events.
    public var streamMethodName: String?
    /// Set on a method that sends another content type's body of the same operation
    /// (`createMultipart` beside `create`): the name of the method it is the twin of.
    public var twinOf: String?
    /// When a non-2xx response declares a body: the name of the nested enum that gives those
    /// bodies typed (`TasksApi.CreateError(error)`), one case per such response.
    public var errorTypeName: String?

    /// The responses an `errorTypeName` enum decodes: not 2xx, with a body.
    public var errorResponses: [ResponseModel] {
        responses.filter { !$0.status.hasPrefix("2") && $0.type != nil && $0.type != .eventStream }
    }
}

public struct ParameterModel: Sendable, Encodable {
    public enum Location: String, Sendable, Encodable {
        case path, query, header, cookie
    }

    public var name: String
    public var wireName: String
    public var location: Location
    public var type: TypeRef
    public var required: Bool
    public var style: String?
    public var explode: Bool?
    public var deprecated: Bool
    public var documentation: String?
    /// The schema's `default` and `example` as compact JSON text, and its constraints.
    public var defaultValue: String?
    public var example: String?
    public var constraints = ValueConstraints()
    /// The constraints the client checks before sending (see `ClientSideChecks`).
    public var checkedConstraints = ValueConstraints()
}

public struct BodyModel: Sendable, Encodable {
    public var parameterName: String
    public var type: TypeRef
    public var required: Bool
    public var contentTypes: [String]
    public var documentation: String?
    /// How a form body (multipart or URL-encoded) names its fields, when one of `contentTypes`
    /// is a form and the configuration or the schema's `encoding` object asks for more than
    /// an HTML form's defaults.
    public var formEncoding: FormEncodingModel?
}

/// How the properties of a form body become fields (runtime `FormEncoding`).
public struct FormEncodingModel: Sendable, Encodable, Equatable {
    /// How array items are named: `client_files` repeated, or `client_files[0]`.
    public enum ArrayStyle: String, Sendable, Encodable, CaseIterable {
        case repeated, indexed, json, commaSeparated
    }

    public struct Property: Sendable, Encodable, Equatable {
        /// The property's name on the wire.
        public var wireName: String
        public var arrayStyle: ArrayStyle?
        /// The `Content-Type` of its parts (the schema's `encoding.contentType`).
        public var contentType: String?

        public init(wireName: String, arrayStyle: ArrayStyle?, contentType: String?) {
            self.wireName = wireName
            self.arrayStyle = arrayStyle
            self.contentType = contentType
        }
    }

    public var arrayStyle: ArrayStyle
    /// In the order of the body schema's properties.
    public var properties: [Property]
}

public struct ResponseModel: Sendable, Encodable {
    public var status: String
    public var contentType: String?
    public var type: TypeRef?
    /// True when the body decodes as the operation's return type.
    public var isPrimary: Bool
    public var description: String?
    /// Every media type the response declares (`contentType` is the one decoded), and the
    /// names of the headers it declares: for the reference pages.
    public var contentTypes: [String] = []
    public var headers: [String] = []

    /// The case of the operation's typed error that holds this response: `status404`,
    /// `status4XX`, and `other` for `default`.
    public var errorCaseName: String {
        status == "default" ? "other" : "status" + status.uppercased()
    }
}

public struct SecuritySchemeModel: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case httpBasic, httpBearer, apiKey
    }

    public var name: String
    public var kind: Kind
    /// For apiKey: the header, query or cookie name and where it goes.
    public var parameterName: String?
    public var location: ParameterModel.Location?
    public var prefix: String?
    public var description: String?

    public init(
        name: String,
        kind: Kind,
        parameterName: String? = nil,
        location: ParameterModel.Location? = nil,
        prefix: String? = nil,
        description: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.parameterName = parameterName
        self.location = location
        self.prefix = prefix
        self.description = description
    }
}
