import Foundation

/// Where the API lives and which credentials to use for it.
public struct Configuration: Sendable, CustomStringConvertible {
    /// The server URL; may include a base path, such as `https://example.com/v1`.
    public var host: URL
    /// HTTP basic credentials.
    public var username: String?
    public var password: String?
    /// HTTP bearer token.
    public var accessToken: String?
    /// API keys by security scheme name, such as `tokenAuth` or `sessionAuth`.
    public var apiKeys: [String: String]
    /// Prefixes by security scheme name, overriding the scheme's `x-token-prefix`.
    public var apiKeyPrefixes: [String: String]
    /// Sent with every request; per-call `RequestOptions.headers` override them.
    public var defaultHeaders: [String: String]
    /// Sent with every request in addition to the session's cookie jar.
    public var cookies: [String: String]
    /// The default timeout of a request; per-call `RequestOptions.timeout` overrides it.
    public var timeout: Duration?
    /// Check request bodies and parameters against the schema's constraints before sending
    /// (cvat-sdk's `client_side_validation`); a value that breaks one throws
    /// `APIError.invalidInput` and nothing is sent. Responses are never checked.
    public var clientSideValidation: Bool
    /// Checks to skip, as cvat-sdk's `disabled_client_side_validations` (`[.maxLength, .pattern]`;
    /// `ValidationCheck.parse(commaSeparated:)` reads its comma-separated form).
    public var disabledClientSideValidations: Set<ValidationCheck>
    /// When and how to send a request again: by default cvat-sdk's policy (3 more attempts on
    /// 502, 503 and 504 for idempotent methods, backoff factor 0.5 s). `.none` sends once.
    public var retryPolicy: RetryPolicy
    /// Wrap every request, in order: the first sees the request first and the response last.
    /// The retry policy runs inside them, next to the transport, so each sees every attempt.
    public var middlewares: [any ClientMiddleware]

    public init(
        host: URL,
        username: String? = nil,
        password: String? = nil,
        accessToken: String? = nil,
        apiKeys: [String: String] = [:],
        apiKeyPrefixes: [String: String] = [:],
        defaultHeaders: [String: String] = [:],
        cookies: [String: String] = [:],
        timeout: Duration? = nil,
        clientSideValidation: Bool = true,
        disabledClientSideValidations: Set<ValidationCheck> = [],
        retryPolicy: RetryPolicy = .default,
        middlewares: [any ClientMiddleware] = []
    ) {
        self.host = host
        self.username = username
        self.password = password
        self.accessToken = accessToken
        self.apiKeys = apiKeys
        self.apiKeyPrefixes = apiKeyPrefixes
        self.defaultHeaders = defaultHeaders
        self.cookies = cookies
        self.timeout = timeout
        self.clientSideValidation = clientSideValidation
        self.disabledClientSideValidations = disabledClientSideValidations
        self.retryPolicy = retryPolicy
        self.middlewares = middlewares
    }

    /// Safe to log: secrets only show whether they are set. Header and cookie values are hidden
    /// too, since they commonly carry tokens and session ids.
    public var description: String {
        var fields = ["host: \(host.absoluteString)"]
        if let username {
            fields.append("username: \(username)")
        }
        fields.append("password: \(password == nil ? "<unset>" : "<redacted>")")
        fields.append("accessToken: \(accessToken == nil ? "<unset>" : "<redacted>")")
        fields.append("apiKeys: \(Self.redacted(apiKeys))")
        if !apiKeyPrefixes.isEmpty {
            let prefixes = apiKeyPrefixes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            fields.append("apiKeyPrefixes: [" + prefixes.joined(separator: ", ") + "]")
        }
        fields.append("defaultHeaders: \(Self.redacted(defaultHeaders))")
        fields.append("cookies: \(Self.redacted(cookies))")
        if let timeout {
            fields.append("timeout: \(timeout)")
        }
        if !clientSideValidation {
            fields.append("clientSideValidation: false")
        } else if !disabledClientSideValidations.isEmpty {
            let names = disabledClientSideValidations.map(\.rawValue).sorted().joined(separator: ", ")
            fields.append("disabledClientSideValidations: [\(names)]")
        }
        fields.append("retryPolicy: \(retryPolicy)")
        if !middlewares.isEmpty {
            fields.append("middlewares: [" + middlewares.map { "\(type(of: $0))" }.joined(separator: ", ") + "]")
        }
        return "Configuration(" + fields.joined(separator: ", ") + ")"
    }

    private static func redacted(_ values: [String: String]) -> String {
        let names = values.keys.sorted().map { "\($0): <redacted>" }
        return "[" + names.joined(separator: ", ") + "]"
    }
}
