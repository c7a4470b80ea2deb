import Foundation

/// Per-call settings; every generated method takes them as its last argument.
public struct RequestOptions: Sendable {
    /// When `false`, the body is left undecoded; read `response.body` instead.
    public var parseResponse: Bool
    /// When `false`, statuses outside 2xx are returned instead of thrown as `APIError.status`.
    public var checkStatus: Bool
    /// Overrides `Configuration.timeout` for this call.
    public var timeout: Duration?
    /// One of the endpoint's request media types; defaults to the first it declares.
    public var contentType: String?
    /// Sent with this call, replacing default headers and computed ones of the same name.
    public var headers: [String: String]
    /// Streams the response body to this file instead of memory, for large downloads.
    public var downloadTo: URL?
    /// Told how many bytes of the request body have been sent, as they go (uploads).
    public var uploadProgress: UploadProgressHandler?

    public init(
        parseResponse: Bool = true,
        checkStatus: Bool = true,
        timeout: Duration? = nil,
        contentType: String? = nil,
        headers: [String: String] = [:],
        downloadTo: URL? = nil,
        uploadProgress: UploadProgressHandler? = nil
    ) {
        self.parseResponse = parseResponse
        self.checkStatus = checkStatus
        self.timeout = timeout
        self.contentType = contentType
        self.headers = headers
        self.downloadTo = downloadTo
        self.uploadProgress = uploadProgress
    }
}
