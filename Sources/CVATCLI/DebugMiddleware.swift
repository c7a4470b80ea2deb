import Foundation
import SpecforgeRuntime

/// `--debug`: one line per request on standard error — method, path and query names, status,
/// time — as cvat-cli's `--debug` shows the HTTP traffic (never header or query values, which
/// may hold credentials).
struct DebugMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest,
        context: MiddlewareContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let names = components?.queryItems?.map(\.name).joined(separator: ",") ?? ""
        let target = "\(request.method.rawValue) \(request.url.path)\(names.isEmpty ? "" : " (query: \(names))")"
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(request)
            Log.debug("\(target) → \(response.status) in \(milliseconds(clock.now - start)) ms")
            return response
        } catch {
            Log.debug("\(target) failed after \(milliseconds(clock.now - start)) ms: \(error)")
            throw error
        }
    }

    private func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
