/// Media type names and the comparisons the session needs to pick encoders and decoders.
enum MediaType {
    static let json = "application/json"
    static let multipartFormData = "multipart/form-data"
    static let formURLEncoded = "application/x-www-form-urlencoded"
    static let octetStream = "application/octet-stream"

    /// The type without parameters, lowercased: `application/json; charset=utf-8` → `application/json`.
    static func essence(_ mediaType: String) -> String {
        let type = mediaType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// `application/json` and structured-syntax variants such as `application/problem+json`.
    static func isJSON(_ mediaType: String) -> Bool {
        let essence = essence(mediaType)
        return essence == json || essence.hasSuffix("+json")
    }

    static func isMultipartForm(_ mediaType: String) -> Bool {
        essence(mediaType) == multipartFormData
    }

    static func isFormURLEncoded(_ mediaType: String) -> Bool {
        essence(mediaType) == formURLEncoded
    }

    static func isText(_ mediaType: String) -> Bool {
        essence(mediaType).hasPrefix("text/")
    }
}
