import Foundation

extension APIError {
    /// How much of an undecodable body ends up in the error, enough to see what came back.
    static let bodyExcerptLength = 200

    /// Describes a `DecodingError` by model and field path (`results[2].labels[0].name`), which is
    /// what someone debugging a schema mismatch needs; the raw error only prints coding keys.
    init(_ error: DecodingError, decoding type: Any.Type, body: Data) {
        let (path, message) = error.location
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

extension DecodingError {
    /// The error of a `oneOf`/`anyOf` union that no alternative could decode: it names each
    /// alternative and the first thing it could not read, so that the real cause (`at
    /// params.application_id: required key is missing`) is not hidden behind "matches no case".
    /// Each alternative is decoded once more to learn why: this runs only when all failed.
    public static func noAlternative(
        of union: String,
        _ alternatives: [(name: String, type: any Decodable.Type)],
        decoder: any Decoder
    ) -> DecodingError {
        let codingPath = decoder.codingPath
        let reasons = alternatives.map { name, type -> String in
            do {
                _ = try type.init(from: decoder)
                return "\(name): decodes on a second try"
            } catch let error as DecodingError {
                let (path, message) = error.location
                let relative = Array(path.dropFirst(min(codingPath.count, path.count)))
                let field = relative.isEmpty ? "" : "at \(APIError.describe(relative)): "
                return "\(name): \(field)\(message)"
            } catch {
                return "\(name): \(error)"
            }
        }
        return .dataCorrupted(
            Context(
                codingPath: codingPath,
                debugDescription: "The value matches no case of \(union) (\(reasons.joined(separator: "; ")))"
            )
        )
    }

    /// Where decoding stopped and why, in words.
    var location: (path: [any CodingKey], message: String) {
        switch self {
        case .keyNotFound(let key, let context): return (context.codingPath + [key], "required key is missing")
        case .valueNotFound(let expected, let context):
            return (context.codingPath, "expected \(expected) but found null")
        case .typeMismatch(let expected, let context):
            return (context.codingPath, "expected \(expected): \(context.debugDescription)")
        case .dataCorrupted(let context): return (context.codingPath, context.debugDescription)
        @unknown default: return ([], String(describing: self))
        }
    }
}
