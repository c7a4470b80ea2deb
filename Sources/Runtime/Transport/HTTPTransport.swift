import Foundation

/// Sends requests over the network. `URLSessionTransport` is the default,
/// `AsyncHTTPClientTransport` (product `SpecforgeAsyncHTTPClient`) the one for server-side
/// Swift; tests substitute a fake that records requests and returns canned responses.
///
/// A request's body may be in memory, in files or in a stream (`HTTPBody`): send
/// `body.inMemoryData` when it is there, else the chunks of `body.chunks()` (which reports
/// upload progress as they are taken), or `await body.collect()` for a transport that needs
/// the bytes in one piece. Every call may be an attempt of several (retries): read the body
/// afresh each time.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the whole response. A non-2xx status is not an error here;
    /// failures to get any response are thrown as `APIError.transport` or `APIError.timeout`.
    func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse

    /// Sends `request` and streams the response body to `destination`, replacing any file there.
    /// The returned response has an empty body.
    func download(_ request: HTTPRequest, to destination: URL, timeout: Duration?) async throws -> HTTPResponse

    /// Sends `request` and returns once the response head has arrived, with the body as the
    /// chunks still to come. The returned response has an empty body.
    func stream(_ request: HTTPRequest, timeout: Duration?) async throws -> (HTTPResponse, ResponseBodyStream)
}

extension HTTPTransport {
    /// For transports that only deliver whole responses: the body arrives in one chunk.
    public func stream(_ request: HTTPRequest, timeout: Duration?) async throws -> (HTTPResponse, ResponseBodyStream) {
        let response = try await send(request, timeout: timeout)
        return (
            HTTPResponse(status: response.status, headers: response.headers), ResponseBodyStream(data: response.body)
        )
    }
}
