import Foundation

extension APIError {
    /// How much of an undecodable body ends up in the error, enough to see what came back.
    static let bodyExcerptLength = 200

    /// Describes a `DecodingError` by model and field path (`results[2].labels[0].name`), which is
    /// what someone debugging a schema mismatch needs; the raw error only prints coding keys.
    init(_ error: DecodingError, decoding type: Any.Type, body: Data) {
        let path: [any CodingKey]
        let message: String
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            message = "required key is missing"
        case .valueNotFound(let expected, let context):
            path = context.codingPath
            message = "expected \(expected) but found null"
        case .typeMismatch(let expected, let context):
            path = context.codingPath
            message = "expected \(expected): \(context.debugDescription)"
        case .dataCorrupted(let context):
            path = context.codingPath
            message = context.debugDescription
        @unknown default:
            path = []
            message = String(describing: error)
        }
        self = .decoding(
            type: String(describing: type),
            codingPath: Self.describe(path),
            message: message,
            bodyExcerpt: Self.excerpt(of: body)
        )
    }

    /// Joins coding keys the way one would write the access in code: `results[2].labels[0].name`.
    static func describe(_ path: [any CodingKey]) -> String {
        var description = ""
        for key in path {
            if let index = key.intValue {
                description += "[\(index)]"
            } else {
                description += description.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return description
    }

    static func excerpt(of body: Data) -> String {
        let text = String(decoding: body.prefix(bodyExcerptLength), as: UTF8.self)
        return body.count > bodyExcerptLength ? text + "…" : text
    }
}
