import Foundation

/// Encodes a model as a `multipart/form-data` body (RFC 7578).
///
/// Scalars become text parts, `UploadFile`s file parts with a filename and content type, arrays
/// one part per item (named as `FormEncoding` says: `files`, or `files[0]`), and nested objects
/// parts holding their JSON.
struct MultipartFormEncoder {
    let boundary: String

    /// A random boundary, so it cannot occur in any part by accident.
    init(boundary: String = "specforge-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()) {
        self.boundary = boundary
    }

    /// The `Content-Type` header value announcing the boundary.
    var contentType: String {
        "\(MediaType.multipartFormData); boundary=\(boundary)"
    }

    /// The whole body in memory (file parts read from disk).
    func encode(_ value: some Encodable, encoding: FormEncoding = .standard) throws -> Data {
        var data = Data()
        for segment in try segments(of: value, encoding: encoding) {
            switch segment {
            case .data(let bytes): data += bytes
            case .file(let url, _): data += try UploadFile(fileURL: url).data()
            case .chunks:
                throw APIError.invalidInput("A streamed file cannot be encoded in memory")
            }
        }
        return data
    }

    /// The body as data between the files of its file parts, which stay on disk until sent.
    func segments(of value: some Encodable, encoding: FormEncoding = .standard) throws -> [HTTPBody.Segment] {
        var segments: [HTTPBody.Segment] = []
        var body = Data()
        for field in try FormFieldCollector.fields(of: value, encoding: encoding) {
            body.append("--\(boundary)\r\n")
            switch field.value {
            case .text(let text):
                body.append("Content-Disposition: form-data; name=\"\(Self.quoted(field.name))\"\r\n")
                if let contentType = field.contentType {
                    body.append("Content-Type: \(contentType)\r\n")
                }
                body.append("\r\n")
                body.append(text)
            case .json(let json):
                body.append("Content-Disposition: form-data; name=\"\(Self.quoted(field.name))\"\r\n")
                body.append("Content-Type: \(field.contentType ?? MediaType.json)\r\n\r\n")
                body.append(json)
            case .file(let file):
                body.append(
                    "Content-Disposition: form-data; name=\"\(Self.quoted(field.name))\"; "
                        + "filename=\"\(Self.quoted(file.fileName))\"\r\n"
                )
                body.append("Content-Type: \(file.contentType)\r\n\r\n")
                if case .data(let data) = file.contents {
                    body.append(data)
                } else {
                    segments.append(.data(body))
                    segments.append(try file.bodySegment())
                    body = Data()
                }
            }
            body.append("\r\n")
        }
        body.append("--\(boundary)--\r\n")
        segments.append(.data(body))
        return segments
    }

    /// Escapes a name for a quoted header parameter the way browsers do (HTML's
    /// "multipart/form-data encoding algorithm"): quotes and line breaks are percent-encoded.
    static func quoted(_ name: String) -> String {
        name.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}

extension Data {
    mutating func append(_ string: String) {
        append(contentsOf: Array(string.utf8))
    }
}
