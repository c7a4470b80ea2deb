import Foundation
import SpecforgeRuntime

/// Records every request and answers with canned responses, in order.
actor RecordingTransport: HTTPTransport {
    private(set) var requests: [HTTPRequest] = []
    private var responses: [HTTPResponse]

    init(_ responses: [HTTPResponse] = []) {
        self.responses = responses
    }

    /// Bodies are recorded in memory (read from their files or streams), as a server sees them.
    func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        var request = request
        if let body = request.body {
            request.body = HTTPBody(try await body.collect())
        }
        requests.append(request)
        return responses.isEmpty ? HTTPResponse(status: 204) : responses.removeFirst()
    }

    func download(_ request: HTTPRequest, to destination: URL, timeout: Duration?) async throws -> HTTPResponse {
        try await send(request, timeout: timeout)
    }

    var lastRequest: HTTPRequest? { requests.last }
}
