/// Sends a request again as a `RetryPolicy` says. Sessions put one, from
/// `Configuration.retryPolicy`, innermost in every chain; use this type to place retries
/// elsewhere in a chain of your own.
public struct RetryMiddleware: ClientMiddleware {
    public let policy: RetryPolicy

    public init(policy: RetryPolicy) {
        self.policy = policy
    }

    public func intercept(
        _ request: HTTPRequest,
        context: MiddlewareContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let mayRetry = policy.maxRetries > 0 && policy.methods.contains(request.method)
        var retry = 0
        while true {
            let response: HTTPResponse
            do {
                response = try await next(request)
            } catch let error as APIError
                where error.gotNoResponse && mayRetry && policy.retriesFailedConnections && retry < policy.maxRetries
            {
                retry += 1
                try await Task.sleep(for: policy.backoff(beforeRetry: retry))
                continue
            }
            guard mayRetry, retry < policy.maxRetries, policy.statuses.contains(response.status) else {
                return response
            }
            retry += 1
            let delay: Duration
            if let asked = policy.retryAfter(response) {
                // Sooner would be refused again; much later is not worth waiting for here.
                guard asked <= policy.maxDelay else { return response }
                delay = asked
            } else {
                delay = policy.backoff(beforeRetry: retry)
            }
            try await Task.sleep(for: delay)
        }
    }
}

extension APIError {
    /// The request got no response because the connection failed in a way that may pass: not
    /// a certificate that is not trusted or a handshake with something that is not TLS, which
    /// fail the same way every time. (A timeout is not retried either: the caller's timeout
    /// would silently become several times as long.)
    var gotNoResponse: Bool {
        guard case .transport(let failure) = self else { return false }
        return failure.kind != .certificateRejected && failure.kind != .secureConnectionFailed
    }
}
