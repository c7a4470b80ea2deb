import Foundation
import Logging
import SpecforgeRuntime

/// Logs every attempt of every request through swift-log: the operation, method, path, status,
/// duration and body sizes, never a credential.
///
/// Header values, cookies and query values are left out (any of them may hold a token or an
/// API key); the query shows only the names of its parameters. Successful calls are logged at
/// `level`, statuses from 400 and transport failures at `failureLevel`.
///
/// ```swift
/// var configuration = Configuration(host: url, accessToken: token)
/// configuration.middlewares = [LoggingMiddleware(logger: Logger(label: "cvat"))]
/// // info: GET /api/tasks/12 → 200 in 18 ms [operation=tasks_retrieve …]
/// ```
public struct LoggingMiddleware: ClientMiddleware {
    public let logger: Logger
    public let level: Logger.Level
    public let failureLevel: Logger.Level

    public init(
        logger: Logger = Logger(label: "specforge.client"),
        level: Logger.Level = .info,
        failureLevel: Logger.Level = .warning
    ) {
        self.logger = logger
        self.level = level
        self.failureLevel = failureLevel
    }

    public func intercept(
        _ request: HTTPRequest,
        context: MiddlewareContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let path = request.url.path.isEmpty ? "/" : request.url.path
        var metadata: Logger.Metadata = [
            "operation": "\(context.operationId)",
            "method": "\(request.method.rawValue)",
            "path": "\(path)",
        ]
        if let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems, !query.isEmpty {
            metadata["query"] = "\(query.map(\.name).joined(separator: ","))"
        }
        if let length = request.body?.length {
            metadata["request_bytes"] = "\(length)"
        }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(request)
            metadata["status"] = "\(response.status)"
            metadata["duration_ms"] = "\(Self.milliseconds(clock.now - start))"
            metadata["response_bytes"] = "\(response.body.count)"
            logger.log(
                level: response.status >= 400 ? failureLevel : level,
                "\(request.method.rawValue) \(path) → \(response.status) in \(Self.milliseconds(clock.now - start)) ms",
                metadata: metadata
            )
            return response
        } catch {
            metadata["duration_ms"] = "\(Self.milliseconds(clock.now - start))"
            metadata["error"] = "\(Self.kind(of: error))"
            logger.log(
                level: failureLevel,
                "\(request.method.rawValue) \(path) failed: \(Self.kind(of: error))",
                metadata: metadata
            )
            throw error
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// What went wrong, in words that carry no request data.
    private static func kind(of error: any Error) -> String {
        switch error {
        case is CancellationError: return "cancelled"
        case APIError.timeout: return "timeout"
        case APIError.transport(let failure): return "transport error (\(failure.kind.rawValue)): \(failure.message)"
        default: return String(describing: type(of: error))
        }
    }
}
