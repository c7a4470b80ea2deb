import Foundation

/// One field of a form body, before it is spelled as multipart or URL-encoded.
struct FormField {
    enum Value {
        /// A scalar: string, number, boolean, date, enum value.
        case text(String)
        /// An object, or an array, as JSON.
        case json(Data)
        case file(UploadFile)
    }

    let name: String
    let value: Value
    /// The part's `Content-Type` (the schema's `encoding.contentType`), for text and JSON parts.
    var contentType: String?
}

/// An `Encoder` that turns a model's top-level properties into form fields, in declaration order.
///
/// Form bodies are flat, so only the top level is walked here; each property is classified by
/// encoding it as JSON (`JSONTreeEncoder`), which keeps dates, enums and numbers spelled
/// exactly as in JSON bodies and objects in schema order. `UploadFile`s are recognised by type
/// before that, since as JSON they would become base64 strings. Arrays become one field per
/// item, named as the endpoint's `FormEncoding` says.
final class FormFieldCollector: Encoder {
    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]
    let encoding: FormEncoding
    private(set) var fields: [FormField] = []
    /// Encoder methods that hand out containers cannot throw, so misuse is recorded here and
    /// thrown once encoding has finished.
    private var failure: APIError?

    init(encoding: FormEncoding = .standard) {
        self.encoding = encoding
    }

    static func fields(of value: some Encodable, encoding: FormEncoding = .standard) throws -> [FormField] {
        let collector = FormFieldCollector(encoding: encoding)
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

    /// Adds the property `name` holding `value`; `nil` and `null` add nothing (a form cannot
    /// say `null`).
    func append(_ value: some Encodable, named name: String) throws {
        let style = encoding.arrayStyle(of: name)
        let contentType = encoding.properties[name]?.contentType
        if let file = value as? UploadFile {
            fields.append(FormField(name: name, value: .file(file)))
            return
        }
        if let files = value as? [UploadFile], style == .repeated || style == .indexed {
            for (index, file) in files.enumerated() {
                fields.append(FormField(name: Self.itemName(name, index, style), value: .file(file)))
            }
            return
        }
        let node = try JSONTreeEncoder.node(for: value, codingPath: [ModelCodingKey(name)])
        switch node.kind {
        case .array where style == .commaSeparated && node.items.allSatisfy({ $0.kind == .scalar }):
            let text = node.items.filter { !$0.isNull }.map(\.text).joined(separator: ",")
            fields.append(FormField(name: name, value: .text(text), contentType: contentType))
        case .array where style == .repeated || style == .indexed:
            appendItems(of: node, named: name, style: style, contentType: contentType)
        case .scalar where node.isNull:
            return
        default:
            fields.append(Self.field(name, node, contentType: contentType))
        }
    }

    /// One field per item. Indexed items that are arrays themselves are indexed again
    /// (`job_file_mapping[0][1]`), which is how Django REST framework reads a list of lists.
    private func appendItems(
        of node: JSONNode,
        named name: String,
        style: FormEncoding.ArrayStyle,
        contentType: String?
    ) {
        for (index, item) in node.items.enumerated() where !item.isNull {
            let itemName = Self.itemName(name, index, style)
            if style == .indexed, item.kind == .array {
                appendItems(of: item, named: itemName, style: style, contentType: contentType)
            } else {
                fields.append(Self.field(itemName, item, contentType: contentType))
            }
        }
    }

    /// `client_files` or `client_files[0]`.
    private static func itemName(_ name: String, _ index: Int, _ style: FormEncoding.ArrayStyle) -> String {
        style == .indexed ? "\(name)[\(index)]" : name
    }

    /// Scalars as text (strings unquoted, numbers and booleans as in JSON), the rest as JSON.
    private static func field(_ name: String, _ node: JSONNode, contentType: String?) -> FormField {
        switch node.kind {
        case .scalar: FormField(name: name, value: .text(node.text), contentType: contentType)
        case .array, .object, .empty: FormField(name: name, value: .json(node.json), contentType: contentType)
        }
    }

    func fail(_ message: String) {
        failure = failure ?? .invalidInput("Cannot encode form body: \(message)")
    }
}
