import SpecforgeDiagnostics

/// An OpenAPI 3.0 / 3.1 document (Swagger 2.0 input is converted to this shape), with every
/// object remembering its source location and JSON pointer.
public struct OpenAPIDocument: Sendable {
    public var openapi: String
    public var info: Info
    public var servers: [Server]
    public var paths: [PathItem]
    public var components: Components
    public var security: [SecurityRequirement]?
    public var tags: [Tag]
    /// The file the document was read from (absolute path).
    public var file: String
}

public struct Info: Sendable {
    public var title: String
    public var version: String
    public var description: String?
}

public struct Server: Sendable {
    public var url: String
    public var description: String?
    /// The `{name}` placeholders of `url`, in the order the document lists them.
    public var variables: [ServerVariable] = []
}

public struct ServerVariable: Sendable {
    public var name: String
    public var defaultValue: String
    /// The values allowed; empty when any is.
    public var allowed: [String]
    public var description: String?
}

public struct Tag: Sendable {
    public var name: String
    public var description: String?
}

public struct PathItem: Sendable {
    public var path: String
    public var operations: [Operation]
    public var pointer: String
}

public enum HTTPMethod: String, Sendable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace
}

public struct Operation: Sendable {
    public var method: HTTPMethod
    public var path: String
    public var operationId: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    public var deprecated: Bool
    /// Path-level parameters first, overridden by operation-level ones of the same name and location.
    public var parameters: [Referenceable<Parameter>]
    public var requestBody: Referenceable<RequestBody>?
    public var responses: [(status: String, response: Referenceable<Response>)]
    public var security: [SecurityRequirement]?
    public var location: SourceLocation
    public var pointer: String
}

public enum ParameterLocation: String, Sendable {
    case path, query, header, cookie
}

public struct Parameter: Sendable {
    public var name: String
    public var location: ParameterLocation
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var style: String?
    public var explode: Bool?
    /// The parameter's schema, or the schema of its single `content` entry.
    public var schema: Schema?
    public var contentType: String?
    public var sourceLocation: SourceLocation
    public var pointer: String
}

public struct RequestBody: Sendable {
    public var description: String?
    public var required: Bool
    public var content: [MediaType]
    public var location: SourceLocation
    public var pointer: String
}

public struct MediaType: Sendable {
    public var contentType: String
    public var schema: Schema?
    public var encoding: [(property: String, encoding: Encoding)]
    public var pointer: String
}

public struct Encoding: Sendable {
    public var contentType: String?
    public var style: String?
    public var explode: Bool?
}

public struct Response: Sendable {
    public var description: String?
    public var content: [MediaType]
    public var headers: [(name: String, schema: Schema?)]
    public var location: SourceLocation
    public var pointer: String
}

public struct Components: Sendable {
    public var schemas: [(name: String, schema: Schema)] = []
    public var securitySchemes: [(name: String, scheme: SecurityScheme)] = []
}

public struct SecurityScheme: Sendable {
    public enum Kind: Sendable {
        /// `type: http` with its scheme (`basic`, `bearer`, ...).
        case http(scheme: String, bearerFormat: String?)
        /// `type: apiKey` sent in a header, query item or cookie.
        case apiKey(name: String, location: ParameterLocation)
        case oauth2
        case openIdConnect
        case mutualTLS
    }

    public var kind: Kind
    public var description: String?
    /// The `x-token-prefix` extension: a prefix put before the key, as in `Authorization: Token <key>`.
    public var tokenPrefix: String?
}

/// One alternative of a `security` list: every named scheme must be satisfied together.
public struct SecurityRequirement: Sendable, Hashable {
    public var schemes: [String]
}
