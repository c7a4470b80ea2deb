import Foundation

/// A response as received from an `HTTPTransport`.
public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    /// Empty for downloads, whose body went to a file instead.
    public let body: Data

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool {
        (200..<300).contains(status)
    }

    /// The media type without parameters, lowercased: `application/json` for
    /// `application/json; charset=utf-8`.
    public var contentType: String? {
        headers["Content-Type"].map(MediaType.essence)
    }
}
