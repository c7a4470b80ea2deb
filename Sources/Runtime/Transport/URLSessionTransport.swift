import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default transport, built on `URLSession`'s async APIs.
public struct URLSessionTransport: HTTPTransport {
    let session: URLSession

    /// Uses `session` if given. The default session stores no cookies and caches nothing: the
    /// `APISession` cookie jar must be the only place cookies live, or the two would disagree
    /// about which session or CSRF token is current.
    public init(session: URLSession? = nil) {
        self.session = session ?? Self.makeDefaultSession()
    }

    public func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        let body: Data
        let response: URLResponse
        let urlRequest = urlRequest(for: request, timeout: timeout)
        do {
            if let upload = request.body, upload.inMemoryData == nil || upload.progress != nil {
                (body, response) = try await send(urlRequest, uploading: upload)
            } else {
                (body, response) = try await session.data(for: urlRequest)
            }
        } catch {
            throw Self.translate(error)
        }
        return try Self.makeResponse(response, body: body)
    }

    /// Sends a body that is not all in memory, or whose progress is wanted, from a file:
    /// `URLSession` streams a file from disk with a `Content-Length` (a body stream would go
    /// chunked, which Django under WSGI cannot read). A body that is not one file already is
    /// first written to a temporary file, a chunk at a time.
    private func send(_ urlRequest: URLRequest, uploading body: HTTPBody) async throws -> (Data, URLResponse) {
        var urlRequest = urlRequest
        urlRequest.httpBody = nil
        let delegate = body.progress.map(UploadProgressDelegate.init)
        // Each attempt starts from nothing sent (URLSession reports only once bytes have gone).
        body.reportProgress(sent: 0)
        if let data = body.inMemoryData {
            return try await session.upload(for: urlRequest, from: data, delegate: delegate)
        }
        if let file = body.singleFile {
            return try await session.upload(for: urlRequest, fromFile: file, delegate: delegate)
        }
        let spool = FileManager.default.temporaryDirectory
            .appendingPathComponent("specforge-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: spool) }
        try await body.write(to: spool)
        return try await session.upload(for: urlRequest, fromFile: spool, delegate: delegate)
    }

    public func download(_ request: HTTPRequest, to destination: URL, timeout: Duration?) async throws -> HTTPResponse {
        let temporaryFile: URL
        let response: URLResponse
        do {
            (temporaryFile, response) = try await session.download(for: inMemoryRequest(for: request, timeout: timeout))
        } catch {
            throw Self.translate(error)
        }
        do {
            let fileManager = FileManager.default
            if fileManager.fileExists(atPath: destination.path) {
                try fileManager.removeItem(at: destination)
            }
            try fileManager.moveItem(at: temporaryFile, to: destination)
        } catch {
            throw APIError.transport(
                TransportFailure(
                    .other,
                    "Cannot move the download to \(destination.path): \(error.localizedDescription)",
                    underlying: error
                )
            )
        }
        return try Self.makeResponse(response, body: Data())
    }

    private static func makeDefaultSession() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }

    func urlRequest(for request: HTTPRequest, timeout: Duration?) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        // Bodies not in memory are sent with `upload(for:fromFile:)` (see `send`).
        urlRequest.httpBody = request.body?.inMemoryData
        // Also keeps a custom session from adding cookies of its own.
        urlRequest.httpShouldHandleCookies = false
        for (name, value) in request.headers {
            urlRequest.addValue(value, forHTTPHeaderField: name)
        }
        if let timeout {
            let components = timeout.components
            urlRequest.timeoutInterval = Double(components.seconds) + Double(components.attoseconds) / 1e18
        }
        return urlRequest
    }

    /// The request with its whole body in memory, for the calls that cannot upload from a file
    /// (downloads and streamed responses, whose bodies are small in practice).
    func inMemoryRequest(for request: HTTPRequest, timeout: Duration?) async throws -> URLRequest {
        var urlRequest = urlRequest(for: request, timeout: timeout)
        if let body = request.body, body.inMemoryData == nil {
            urlRequest.httpBody = try await body.collect()
        }
        return urlRequest
    }

    static func makeResponse(_ response: URLResponse, body: Data) throws -> HTTPResponse {
        guard let response = response as? HTTPURLResponse else {
            throw APIError.transport(.other, "The server did not answer with an HTTP response")
        }
        // `allHeaderFields` joins repeated fields with commas; the cookie parser splits
        // `Set-Cookie` apart again.
        var headers = HTTPHeaders()
        for (name, value) in response.allHeaderFields {
            headers.add(String(describing: name), String(describing: value))
        }
        return HTTPResponse(status: response.statusCode, headers: headers, body: body)
    }

    /// Maps URLSession failures to `APIError`. Messages come from the error code only, never the
    /// failing URL, which may carry an API key in its query.
    static func translate(_ error: any Error) -> any Error {
        guard let urlError = error as? URLError else {
            if error is CancellationError || error is APIError { return error }
            return APIError.transport(TransportFailure(.other, error.localizedDescription, underlying: error))
        }
        switch urlError.code {
        case .timedOut:
            return APIError.timeout
        case .cancelled where Task.isCancelled:
            return CancellationError()
        default:
            let message = "\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))"
            return APIError.transport(TransportFailure(kind(of: urlError, message), message, underlying: urlError))
        }
    }

    /// The kind of a `URLError`; FoundationNetworking reports libcurl's TLS failures as
    /// `.unknown` or `.secureConnectionFailed`, so its message (curl's) decides those.
    private static func kind(of error: URLError, _ message: String) -> TransportFailure.Kind {
        if error.code == .unknown || error.code == .secureConnectionFailed {
            let lower = message.lowercased()
            if lower.contains("certificate") { return .certificateRejected }
            if lower.contains("ssl") || lower.contains("tls") { return .secureConnectionFailed }
        }
        switch error.code {
        case .cannotConnectToHost, .notConnectedToInternet, .internationalRoamingOff, .callIsActive,
            .dataNotAllowed:
            return .cannotConnect
        case .cannotFindHost, .dnsLookupFailed:
            return .hostNotFound
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
            .serverCertificateHasUnknownRoot, .clientCertificateRejected, .clientCertificateRequired:
            return .certificateRejected
        case .secureConnectionFailed:
            return .secureConnectionFailed
        case .networkConnectionLost:
            return .connectionLost
        default:
            return .other
        }
    }
}

/// Passes `URLSession`'s count of bytes sent to an upload's progress handler.
private final class UploadProgressDelegate: NSObject, URLSessionTaskDelegate, Sendable {
    let progress: UploadProgressHandler

    init(_ progress: @escaping UploadProgressHandler) {
        self.progress = progress
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        didSendBodyData bytesSent: Int64,
        totalBytesSent: Int64,
        totalBytesExpectedToSend: Int64
    ) {
        progress(
            UploadProgress(sent: totalBytesSent, total: totalBytesExpectedToSend > 0 ? totalBytesExpectedToSend : nil)
        )
    }
}
