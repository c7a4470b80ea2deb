import Foundation

/// One field of a form body, before it is spelled as multipart or URL-encoded.
struct FormField {
    enum Value {
        /// A scalar: string, number, boolean, date, enum value.
        case text(String)
        /// An object, or an array holding objects, as JSON.
        case json(Data)
        case file(UploadFile)
    }

    let name: String
    let value: Value
}

/// An `Encoder` that turns a model's top-level properties into form fields, in declaration order.
///
/// Form bodies are flat, so only the top level is walked here; each property is classified by
/// encoding it with the runtime's `JSONEncoder`, which keeps dates, enums and numbers spelled
/// exactly as in JSON bodies. `UploadFile`s are recognised by type before that, since as JSON
/// they would become base64 strings.
final class FormFieldCollector: Encoder {
    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]
    private(set) var fields: [FormField] = []
    /// Encoder methods that hand out containers cannot throw, so misuse is recorded here and
    /// thrown once encoding has finished.
    private var failure: APIError?

    static func fields(of value: some Encodable) throws -> [FormField] {
        let collector = FormFieldCollector()
        try value.encode(to: collector)
        if let failure = collector.failure {
            throw failure
        }
        return collector.fields
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(FormFieldContainer<Key>(collector: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        fail("a form body must be an object, not an array")
        return IgnoredUnkeyedContainer()
    }

    /// Lets wrappers that encode through a single value, such as generated `oneOf` enums, pass
    /// their payload on; a bare scalar cannot be a form body and is reported.
    func singleValueContainer() -> any SingleValueEncodingContainer {
        ForwardingSingleValueContainer(collector: self)
    }

    /// Adds the property `name` holding `value`; `nil` values add nothing.
    func append(_ value: some Encodable, named name: String) throws {
        if let file = value as? UploadFile {
            fields.append(FormField(name: name, value: .file(file)))
            return
        }
        if let files = value as? [UploadFile] {
            fields += files.map { FormField(name: name, value: .file($0)) }
            return
        }
        let json = try JSONCoding.encode(value)
        switch try JSONCoding.decoder().decode(JSONValue.self, from: json) {
        case .null:
            return
        case .array(let items) where items.allSatisfy(\.isScalarOrNull):
            // Arrays of scalars are the same field repeated, as HTML forms send multi-selects.
            fields += try items.compactMap(Self.text).map { FormField(name: name, value: .text($0)) }
        case .array, .object:
            fields.append(FormField(name: name, value: .json(json)))
        case let scalar:
            if let text = try Self.text(of: scalar) {
                fields.append(FormField(name: name, value: .text(text)))
            }
        }
    }

    func fail(_ message: String) {
        failure = failure ?? .invalidInput("Cannot encode form body: \(message)")
    }

    /// A scalar as text: strings unquoted, numbers and booleans as in JSON.
    private static func text(of value: JSONValue) throws -> String? {
        switch value {
        case .null: nil
        case .string(let string): string
        case .bool(let bool): bool ? "true" : "false"
        case .int(let int): String(int)
        case .double, .array, .object: String(decoding: try JSONCoding.encode(value), as: UTF8.self)
        }
    }
}

extension JSONValue {
    var isScalarOrNull: Bool {
        switch self {
        case .array, .object: false
        case .null, .bool, .int, .double, .string: true
        }
    }
}
