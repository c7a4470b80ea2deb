/// Why a request produced no response (`APIError.transport`): what kind of failure it was, a
/// message safe for logs (never the URL, whose query may hold an API key), and the transport's
/// own error — `URLError`, AsyncHTTPClient's or SwiftNIO's — for whoever needs more.
public struct TransportFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Nothing accepted the connection (refused, unreachable, no network).
        case cannotConnect
        /// The host name did not resolve.
        case hostNotFound
        /// The server's certificate was not trusted (unknown authority, expired, wrong name),
        /// or it refused the client's: the peer speaks TLS, but not with us.
        case certificateRejected
        /// The TLS handshake failed otherwise, such as a server that does not speak TLS at all.
        case secureConnectionFailed
        /// The connection closed before the response was complete.
        case connectionLost
        /// Anything else: a file that could not be written, a response that was not HTTP, …
        case other
    }

    public let kind: Kind
    public let message: String
    /// The error the transport reported, when there was one.
    public let underlying: (any Error)?

    public init(_ kind: Kind, _ message: String, underlying: (any Error)? = nil) {
        self.kind = kind
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}
