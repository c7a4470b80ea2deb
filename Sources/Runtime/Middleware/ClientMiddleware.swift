/// Wraps every request a session sends: sees the operation, the request and the response, and
/// may change the request, answer it itself, or call `next` again (a retry).
///
/// Middleware run in the order of `Configuration.middlewares`: the first sees the request
/// first and the response last. The configuration's retry policy runs inside them all, next to
/// the transport, so each middleware sees every attempt.
///
/// ```swift
/// struct RequestID: ClientMiddleware {
///     func intercept(
///         _ request: HTTPRequest,
///         context: MiddlewareContext,
///         next: @Sendable (HTTPRequest) async throws -> HTTPResponse
///     ) async throws -> HTTPResponse {
///         var request = request
///         request.headers.set("X-Request-ID", UUID().uuidString)
///         return try await next(request)
///     }
/// }
/// ```
///
/// For downloads (`RequestOptions.downloadTo`) and event streams the response that passes
/// through has an empty body: the transport writes the file or hands the stream to the caller.
public protocol ClientMiddleware: Sendable {
    func intercept(
        _ request: HTTPRequest,
        context: MiddlewareContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}

/// What a middleware knows of the call it wraps.
public struct MiddlewareContext: Sendable {
    /// The operation's `operationId` (`tasks_create`); for the next pages of a list, the list's.
    public let operationId: String
    /// The call's timeout, per attempt.
    public let timeout: Duration?

    public init(operationId: String, timeout: Duration?) {
        self.operationId = operationId
        self.timeout = timeout
    }
}

extension Array where Element == any ClientMiddleware {
    /// `terminal` wrapped in these middleware, the first outermost.
    func wrapping(
        _ terminal: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse,
        context: MiddlewareContext
    ) -> @Sendable (HTTPRequest) async throws -> HTTPResponse {
        var next = terminal
        for middleware in reversed() {
            let inner = next
            next = { request in try await middleware.intercept(request, context: context, next: inner) }
        }
        return next
    }
}
