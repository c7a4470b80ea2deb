import Foundation

/// The JSON encoder and decoder every generated client uses, configured for OpenAPI wire formats.
///
/// Factories rather than shared instances: `JSONDecoder`/`JSONEncoder` are mutable reference
/// types that older SDKs do not mark `Sendable`, and creating one is cheap next to a request.
public enum JSONCoding {
    /// Decodes dates sent as date-times with or without fractional seconds, or as plain
    /// `yyyy-MM-dd` dates (read as midnight UTC). Keys are used as the models declare them.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let string = try container.decode(String.self)
            if let date = InternetDateTime.date(from: string) ?? CalendarDate(string)?.midnightUTC {
                return date
            }
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected an RFC 3339 date-time or a yyyy-MM-dd date, got \"\(string)\""
            )
        }
        return decoder
    }

    /// Encodes models with their properties in schema order and every other object's keys
    /// sorted, so a body's bytes are the same on every run; dates as UTC date-times with the
    /// precision the `Date` holds (up to microseconds); `/` unescaped, which keeps URLs inside
    /// bodies readable. See `OrderedJSONEncoder`.
    public static func encoder() -> OrderedJSONEncoder {
        OrderedJSONEncoder()
    }

    /// Decodes `type` from `data`, turning a `DecodingError` into an `APIError.decoding` that
    /// names the failing field. An object whose keys differ only in Unicode normalization is
    /// refused rather than silently losing one of them (see `NormalizationCollisions`).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            try NormalizationCollisions.check(data)
            return try decoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw APIError(error, decoding: type, body: data)
        }
    }

    /// Encodes `value`, turning an `EncodingError` into an `APIError.invalidInput`.
    public static func encode(_ value: some Encodable) throws -> Data {
        do {
            return try OrderedJSONEncoder().encode(value)
        } catch let error as EncodingError {
            throw APIError.invalidInput("Cannot encode \(type(of: value)) as JSON: \(error.summary)")
        }
    }
}

extension EncodingError {
    /// The debug description of the error, without the noisy underlying-error dump.
    var summary: String {
        switch self {
        case .invalidValue(_, let context):
            return context.debugDescription
        @unknown default:
            return String(describing: self)
        }
    }
}
