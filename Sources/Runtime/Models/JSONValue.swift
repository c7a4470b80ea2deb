import Foundation

/// Free-form JSON, for schemas without a fixed shape (`type: object` with no properties,
/// `additionalProperties: true`, or no type at all).
public enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            // Bool first: JSONDecoder never reads a number as a Bool, while decoders that bridge
            // through NSNumber may read `true` as the number 1.
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            // Int before Double, so whole numbers keep their exact integer value.
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a JSON value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// Converts a value produced by `JSONSerialization` (or built by hand from Swift dictionaries,
    /// arrays, strings, numbers and `NSNull`).
    public init(any value: Any) throws {
        switch value {
        case is NSNull:
            self = .null
        case let json as JSONValue:
            self = json
        case let string as String:
            self = .string(string)
        // Native Swift numbers are matched by exact type: on Apple platforms `as? Bool` also
        // succeeds for the NSNumber 1, which would turn integers into booleans.
        case let bool as Bool where type(of: value) == Bool.self:
            self = .bool(bool)
        case let int as Int where type(of: value) == Int.self:
            self = .int(int)
        case let double as Double where type(of: value) == Double.self:
            self = .double(double)
        case let number as NSNumber:
            self = Self(number)
        case let array as [Any]:
            self = .array(try array.map(JSONValue.init(any:)))
        case let dictionary as [String: Any]:
            self = .object(try dictionary.mapValues(JSONValue.init(any:)))
        default:
            throw APIError.invalidInput("\(type(of: value)) is not a JSON value")
        }
    }

    /// JSONSerialization returns every number as NSNumber; its Objective-C type tells booleans
    /// ("c", a char) and floating point numbers ("f", "d") apart from integers.
    private init(_ number: NSNumber) {
        switch String(cString: number.objCType) {
        case "c", "B": self = .bool(number.boolValue)
        case "f", "d": self = .double(number.doubleValue)
        default: self = .int(number.intValue)
        }
    }

    /// The value as `JSONSerialization` would produce it: `NSNull`, `Bool`, `Int`, `Double`,
    /// `String`, `[Any]` or `[String: Any]`.
    public var anyValue: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .int(let value): value
        case .double(let value): value
        case .string(let value): value
        case .array(let value): value.map(\.anyValue)
        case .object(let value): value.mapValues(\.anyValue)
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        // Later duplicates win, as they would in a JSON object.
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
