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

    func encode(_ value: some Encodable, encoding: FormEncoding = .standard) throws -> Data {
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
                body.append(try file.data())
            }
            body.append("\r\n")
        }
        body.append("--\(boundary)--\r\n")
        return body
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
