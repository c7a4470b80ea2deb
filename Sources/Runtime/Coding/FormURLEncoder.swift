import Foundation

/// Encodes a model as an `application/x-www-form-urlencoded` body.
///
/// Arrays of scalars repeat their key (`tag=a&tag=b`) or index it (`tag[0]=a`), as the
/// endpoint's `FormEncoding` says; nested objects use deepObject-style keys
/// (`filter[name]=cat`), the convention of Rails, PHP and most form parsers; arrays of objects
/// index their elements (`shapes[0][type]=box`).
enum FormURLEncoder {
    static func encode(_ value: some Encodable, encoding: FormEncoding = .standard) throws -> Data {
        var pairs: [String] = []
        for field in try FormFieldCollector.fields(of: value, encoding: encoding) {
            switch field.value {
            case .text(let text):
                try append(.string(text), key: field.name, to: &pairs)
            case .json(let json):
                try append(JSONCoding.decoder().decode(JSONValue.self, from: json), key: field.name, to: &pairs)
            case .file(let file):
                // There is no file part in this format; the bytes travel as base64 text.
                try append(.string(file.data().base64EncodedString()), key: field.name, to: &pairs)
            }
        }
        return Data(pairs.joined(separator: "&").utf8)
    }

    private static func append(_ value: JSONValue, key: String, to pairs: inout [String]) throws {
        switch value {
        case .null:
            return
        case .array(let items):
            for (index, item) in items.enumerated() {
                try append(item, key: item.isScalarOrNull ? key : "\(key)[\(index)]", to: &pairs)
            }
        case .object(let properties):
            // Sorted because JSON objects decoded into dictionaries have lost their order.
            for (name, property) in properties.sorted(by: { $0.key < $1.key }) {
                try append(property, key: "\(key)[\(name)]", to: &pairs)
            }
        case .string(let text):
            pairs.append(PercentEncoding.encode(key) + "=" + PercentEncoding.encode(text))
        case .bool, .int, .double:
            let text = String(decoding: try JSONCoding.encode(value), as: UTF8.self)
            pairs.append(PercentEncoding.encode(key) + "=" + PercentEncoding.encode(text))
        }
    }
}

extension JSONValue {
    fileprivate var isScalarOrNull: Bool {
        switch self {
        case .array, .object: false
        case .null, .bool, .int, .double, .string: true
        }
    }
}
