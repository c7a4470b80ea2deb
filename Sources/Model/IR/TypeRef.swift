/// A use of a type: what a property, parameter or response is declared as in Swift.
public indirect enum TypeRef: Sendable, Hashable, Encodable {
    case string, int, int32, int64, double, float, bool
    /// `format: date-time`.
    case dateTime
    /// `format: date` (runtime `CalendarDate`).
    case date
    case uuid
    /// `format: binary` as a whole body: raw bytes.
    case data
    /// `format: binary` inside an object: a file part of a multipart body (runtime `UploadFile`).
    case file
    /// Any JSON value (runtime `JSONValue`).
    case json
    /// A `text/event-stream` body (runtime `ServerSentEvents`).
    case eventStream
    /// A declared type, by its final Swift name.
    case named(String)
    case array(TypeRef)
    case map(TypeRef)
    case optional(TypeRef)
    /// A value that may be an explicit `null` (runtime `Nullable`): only ever inside `optional`,
    /// for a property that is not required and may be `null`, so that absent, `null` and a
    /// value are three spellings the compiler tells apart.
    case nullable(TypeRef)

    /// The type as written in Swift source.
    public var swift: String {
        switch self {
        case .string: return "String"
        case .int: return "Int"
        case .int32: return "Int32"
        case .int64: return "Int64"
        case .double: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .dateTime: return "DateTime"
        case .date: return "CalendarDate"
        case .uuid: return "UUID"
        case .data: return "Data"
        case .file: return "UploadFile"
        case .json: return "JSONValue"
        case .eventStream: return "ServerSentEvents"
        case .named(let name): return name
        case .array(let element): return "[\(element.swift)]"
        case .map(let value): return "[String: \(value.swift)]"
        case .optional(let wrapped): return "\(wrapped.swift)?"
        case .nullable(let wrapped): return "Nullable<\(wrapped.swift)>"
        }
    }

    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// This type made optional (once: never `T??`).
    public var optional: TypeRef { isOptional ? self : .optional(self) }

    /// The type of a property that is not required: `T?`, or `Nullable<T>?` when `self` may be
    /// `null` (is optional), so that absent and `null` stay apart.
    public var absentable: TypeRef {
        if case .optional(let wrapped) = self { return .optional(.nullable(wrapped)) }
        return .optional(self)
    }

    /// `Nullable<T>?`: a property that may be absent or `null` and keeps the two apart.
    public var isNullableOptional: Bool {
        if case .optional(.nullable) = self { return true }
        return false
    }

    /// The type without an outer optional (or `Nullable`).
    public var unwrapped: TypeRef {
        switch self {
        case .optional(let wrapped), .nullable(let wrapped): return wrapped.unwrapped
        default: return self
        }
    }

    /// True when the type contains file parts, so a body of it must go as multipart.
    public var containsFile: Bool {
        switch self {
        case .file: return true
        case .array(let element), .optional(let element), .nullable(let element), .map(let element):
            return element.containsFile
        default: return false
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(swift)
    }
}
