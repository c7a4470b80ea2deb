import Foundation

/// A fully built request, ready for an `HTTPTransport`.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    public var url: URL
    public var headers: HTTPHeaders
    /// In memory, from files or from a stream: see `HTTPBody`.
    public var body: HTTPBody?

    public init(method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: HTTPBody? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
