/// Refreshes expired credentials and replays the request once, when the server answers 401.
///
/// `refresh` gets the 401 response and returns the header fields that carry the new
/// credentials (`["Authorization": "Bearer …"]`), or `nil` to give up and let the 401 through.
/// It should also store them for later calls (`session.updateConfiguration { $0.accessToken =
/// … }`). Calls that fail together share one refresh: the first runs it, the others wait for
/// its headers.
///
/// ```swift
/// let refresh = TokenRefreshMiddleware { _ in
///     let token = try await identityProvider.newToken()
///     client.session.updateConfiguration { $0.accessToken = token }
///     return ["Authorization": "Bearer \(token)"]
/// }
/// ```
public struct TokenRefreshMiddleware: ClientMiddleware {
    public typealias Refresh = @Sendable (_ unauthorized: HTTPResponse) async throws -> [String: String]?

    private let coordinator: RefreshCoordinator

    public init(refresh: @escaping Refresh) {
        self.coordinator = RefreshCoordinator(refresh: refresh)
    }

    public func intercept(
        _ request: HTTPRequest,
        context: MiddlewareContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let generation = await coordinator.generation
        let response = try await next(request)
        guard response.status == 401, let headers = try await coordinator.headers(after: response, generation)
        else { return response }
        var replay = request
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            replay.headers.set(name, value)
        }
        return try await next(replay)
    }
}

/// Runs one refresh at a time: a 401 to a request sent before the latest refresh finished is
/// answered with that refresh's headers instead of starting another.
private actor RefreshCoordinator {
    private let refresh: TokenRefreshMiddleware.Refresh
    /// Counts finished refreshes.
    private(set) var generation = 0
    private var latest: [String: String]?
    private var running: Task<[String: String]?, any Error>?

    init(refresh: @escaping TokenRefreshMiddleware.Refresh) {
        self.refresh = refresh
    }

    func headers(after response: HTTPResponse, _ sentInGeneration: Int) async throws -> [String: String]? {
        if sentInGeneration < generation, running == nil {
            return latest
        }
        if let running {
            return try await running.value
        }
        let task = Task { [refresh] in try await refresh(response) }
        running = task
        defer {
            running = nil
            generation += 1
        }
        latest = try await task.value
        return latest
    }
}
