import Foundation

/// A file sent as a part of a `multipart/form-data` body, or as a raw binary body.
///
/// File URLs are read only when the request is built, so large files are not loaded up front.
public struct UploadFile: Codable, Hashable, Sendable {
    public enum Contents: Hashable, Sendable {
        case data(Data)
        case file(URL)
    }

    public var contents: Contents
    /// The `filename` of the multipart part; servers often use its extension to detect the format.
    public var fileName: String
    /// The part's `Content-Type`.
    public var contentType: String

    /// - Parameter contentType: The part's media type; by default the one that `fileName`'s
    ///   extension names (`image1.jpg` → `image/jpeg`), else `application/octet-stream`.
    public init(data: Data, fileName: String, contentType: String? = nil) {
        self.contents = .data(data)
        self.fileName = fileName
        self.contentType = contentType ?? FileMediaTypes.mediaType(forFileName: fileName)
    }

    /// A file read from disk when the request is built.
    ///
    /// - Parameters:
    ///   - fileName: The part's `filename`; by default the URL's last path component.
    ///   - contentType: The part's media type; by default the one the file name's extension
    ///     names, else `application/octet-stream`.
    public init(fileURL: URL, fileName: String? = nil, contentType: String? = nil) {
        self.contents = .file(fileURL)
        self.fileName = fileName ?? fileURL.lastPathComponent
        self.contentType = contentType ?? FileMediaTypes.mediaType(forFileName: self.fileName)
    }

    /// The file's bytes, read from disk for `.file` contents.
    public func data() throws -> Data {
        switch contents {
        case .data(let data):
            return data
        case .file(let url):
            do {
                return try Data(contentsOf: url)
            } catch {
                throw APIError.invalidInput("Cannot read \(url.path): \(error.localizedDescription)")
            }
        }
    }

    /// Files inside JSON are base64 strings (OpenAPI `format: byte`), so that is their Codable form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let base64 = try container.decode(String.self)
        guard let data = Data(base64Encoded: base64) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected base64 file contents")
        }
        self.init(data: data, fileName: "file")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data().base64EncodedString())
    }
}
