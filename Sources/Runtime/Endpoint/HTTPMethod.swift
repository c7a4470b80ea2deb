/// The HTTP methods OpenAPI path items can declare.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET"
    case put = "PUT"
    case post = "POST"
    case delete = "DELETE"
    case options = "OPTIONS"
    case head = "HEAD"
    case patch = "PATCH"
    case trace = "TRACE"

    /// Whether the method changes server state, which is when CSRF protection asks for a token.
    public var isUnsafe: Bool {
        switch self {
        case .post, .put, .patch, .delete: true
        case .get, .options, .head, .trace: false
        }
    }
}
