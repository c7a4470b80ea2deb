import Foundation

/// Turns a request body value into bytes for the media type the request declares.
enum RequestBodyEncoder {
    struct EncodedBody {
        let body: HTTPBody
        /// The `Content-Type` header, including a multipart boundary where there is one.
        let contentType: String
    }

    /// Encodes `body` as `mediaType`, the caller's choice or the endpoint's first declared type;
    /// `nil` means JSON.
    static func encode(
        _ body: any Encodable & Sendable,
        as mediaType: String?,
        formEncoding: FormEncoding = .standard
    ) throws -> EncodedBody {
        // Raw bytes and files are sent as they are, whatever the endpoint's media type.
        if let data = body as? Data {
            return EncodedBody(body: HTTPBody(data), contentType: mediaType ?? MediaType.octetStream)
        }
        if let file = body as? UploadFile {
            let declared = mediaType.flatMap { isStructured($0) ? nil : $0 }
            return EncodedBody(
                body: HTTPBody(segments: [try file.bodySegment()]),
                contentType: declared ?? file.contentType
            )
        }

        let mediaType = mediaType ?? MediaType.json
        if MediaType.isJSON(mediaType) {
            return EncodedBody(body: HTTPBody(try JSONCoding.encode(body)), contentType: mediaType)
        }
        if MediaType.isMultipartForm(mediaType) {
            let encoder = MultipartFormEncoder()
            return EncodedBody(
                body: HTTPBody(segments: try encoder.segments(of: body, encoding: formEncoding)),
                contentType: encoder.contentType
            )
        }
        if MediaType.isFormURLEncoded(mediaType) {
            return EncodedBody(
                body: HTTPBody(try FormURLEncoder.encode(body, encoding: formEncoding)),
                contentType: mediaType
            )
        }
        if let text = body as? String {
            return EncodedBody(body: HTTPBody(Data(text.utf8)), contentType: mediaType)
        }
        throw APIError.invalidInput(
            "Cannot send \(type(of: body)) as \(mediaType); pass Data or an UploadFile for binary bodies"
        )
    }

    /// Media types whose body is built from a model rather than sent as raw bytes.
    private static func isStructured(_ mediaType: String) -> Bool {
        MediaType.isJSON(mediaType) || MediaType.isMultipartForm(mediaType) || MediaType.isFormURLEncoded(mediaType)
    }
}
