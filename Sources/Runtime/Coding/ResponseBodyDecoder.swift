import Foundation

/// Turns a response body into the value an operation declares.
enum ResponseBodyDecoder {
    /// Returns `nil` for an empty body. `Data` receives the raw bytes and `String` the text of
    /// non-JSON responses; everything else is decoded as JSON, which is also assumed when the
    /// response does not say what it is.
    static func decode<Value: Decodable>(
        _ type: Value.Type,
        from response: HTTPResponse,
        declaredContentType: String? = nil
    ) throws -> Value? {
        guard !response.body.isEmpty else { return nil }
        if let data = response.body as? Value {
            return data
        }
        if Value.self == ServerSentEvents.self {
            return ServerSentEvents(parsing: response.body) as? Value
        }
        let contentType = response.contentType ?? declaredContentType
        if Value.self == String.self, let contentType, !MediaType.isJSON(contentType) {
            return String(decoding: response.body, as: UTF8.self) as? Value
        }
        return try JSONCoding.decode(type, from: response.body)
    }
}
