/// A security scheme from `components.securitySchemes`, emitted by the generator.
public struct SecuritySchemeSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `type: http, scheme: basic`, filled from `Configuration.username`/`password`.
        case httpBasic
        /// `type: http, scheme: bearer`, filled from `Configuration.accessToken`.
        case httpBearer
        /// `type: apiKey`, filled from `Configuration.apiKeys[name]`.
        case apiKey(name: String, location: Endpoint.Parameter.Location)
    }

    /// The key of the scheme in `components.securitySchemes`, such as `tokenAuth`.
    public let name: String
    public let kind: Kind
    /// Put before an API key with a space (`x-token-prefix`), such as `Token` in
    /// `Authorization: Token <key>`.
    public let prefix: String?

    public init(_ name: String, _ kind: Kind, prefix: String? = nil) {
        self.name = name
        self.kind = kind
        self.prefix = prefix
    }
}
