import Foundation

/// Encodes values as JSON whose bytes depend only on the value: model properties in the
/// order the model lists them (its `fields`, which follow the schema), every other object's
/// keys sorted (dictionaries, free-form `JSONValue`s).
///
/// `JSONEncoder` writes an object's keys in the order of a hashed dictionary, which changes
/// from one process to the next: the same request body had different bytes on every run,
/// which breaks request signing, caches keyed on bodies, recorded fixtures and log diffs.
/// The Python SDK and a person reading the body expect the schema's order, so that is kept.
///
/// Dates are RFC 3339 date-times (`InternetDateTime`), `Data` is base64, `/` is not escaped:
/// the wire formats of `JSONCoding`.
public struct OrderedJSONEncoder: Sendable {
    public init() {}

    public func encode(_ value: some Encodable) throws -> Data {
        try JSONTreeEncoder.node(for: value, codingPath: []).json
    }
}

/// A JSON value being built. A class, so that nested containers can fill their part of the
/// tree after handing it to the parent.
final class JSONNode {
    enum Kind {
        /// Nothing was encoded (yet); written as an empty object, as `JSONEncoder` does.
        case empty
        /// `null`, a number, a string or a boolean, already in its JSON spelling.
        case scalar
        case array
        case object
    }

    private(set) var kind = Kind.empty
    private var scalarText: [UInt8] = []
    /// The value of a string scalar, unquoted.
    private(set) var string: String?
    private(set) var items: [JSONNode] = []
    private var keys: [String] = []
    private var members: [String: JSONNode] = [:]
    /// Objects other than models (dictionaries) have no order of their own: sorted keys keep
    /// their bytes stable.
    private var sortsKeys = false

    init() {}

    init(scalar: [UInt8]) {
        kind = .scalar
        scalarText = scalar
    }

    init(string: String) {
        kind = .scalar
        scalarText = JSONText.string(string)
        self.string = string
    }

    var isNull: Bool { kind == .scalar && scalarText == Self.null }

    /// A scalar as form text: a string unquoted, anything else in its JSON spelling.
    var text: String {
        string ?? String(decoding: scalarText, as: UTF8.self)
    }

    /// The value's JSON bytes.
    var json: Data {
        var output: [UInt8] = []
        write(to: &output)
        return Data(output)
    }

    static let null = [UInt8]("null".utf8)

    func becomeObject(sortingKeys: Bool) {
        if kind != .object {
            kind = .object
            sortsKeys = sortingKeys
        }
    }

    func becomeArray() {
        kind = .array
    }

    /// Sets `key`; a key encoded twice keeps its first position and its last value.
    func set(_ key: String, _ node: JSONNode) {
        if members.updateValue(node, forKey: key) == nil {
            keys.append(key)
        }
    }

    func append(_ node: JSONNode) {
        items.append(node)
    }

    func replace(with other: JSONNode) {
        kind = other.kind
        scalarText = other.scalarText
        string = other.string
        items = other.items
        keys = other.keys
        members = other.members
        sortsKeys = other.sortsKeys
    }

    func write(to output: inout [UInt8]) {
        switch kind {
        case .empty:
            output += [UInt8(ascii: "{"), UInt8(ascii: "}")]
        case .scalar:
            output += scalarText
        case .array:
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object:
            output.append(UInt8(ascii: "{"))
            for (index, key) in (sortsKeys ? keys.sorted() : keys).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONText.appendString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                members[key]!.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}

/// The spelling of JSON scalars.
enum JSONText {
    static func string(_ value: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count + 2)
        appendString(value, to: &output)
        return output
    }

    /// A quoted string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX`
    /// escapes, everything else (`/` and non-ASCII included) as UTF-8.
    static func appendString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = [UInt8]("0123456789abcdef".utf8)
                output += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                output += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// A finite number as `JSONEncoder` spells it (`1.5`, `1` for `1.0`, `1e-07`).
    static func number(_ value: Double, codingPath: [any CodingKey]) throws -> [UInt8] {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) is not a valid JSON number")
            )
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return Array(text.utf8)
    }
}
