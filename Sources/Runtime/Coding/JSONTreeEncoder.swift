import Foundation

/// The `Encoder` behind `OrderedJSONEncoder`: each value encodes itself into a `JSONNode`.
final class JSONTreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    /// What this encoder's value became; containers write into it.
    let node: JSONNode

    init(codingPath: [any CodingKey], node: JSONNode = JSONNode()) {
        self.codingPath = codingPath
        self.node = node
    }

    /// The tree of `value`. Values with a wire format of their own (dates, data, URLs,
    /// decimals) are spelled here; the rest encode themselves.
    static func node(for value: some Encodable, codingPath: [any CodingKey]) throws -> JSONNode {
        switch value {
        case let string as String:
            return JSONNode(string: string)
        // Scalars reach this generic path from containers' generic methods too; each is spelled
        // here rather than sent back to its own `encode(to:)`, which would come back here.
        case let bool as Bool:
            return JSONScalar.node(bool)
        case let double as Double:
            return try JSONScalar.node(double, codingPath)
        case let float as Float:
            return try JSONScalar.node(float, codingPath)
        case let integer as any BinaryInteger:
            return JSONNode(scalar: Array(String(describing: integer).utf8))
        case let date as Date:
            return JSONNode(string: InternetDateTime.string(from: date))
        case let dateTime as DateTime:
            return JSONNode(string: dateTime.description)
        case let uuid as UUID:
            // Lower-case, RFC 9562's canonical form (Foundation's `uuidString` is upper-case).
            return JSONNode(string: uuid.uuidString.lowercased())
        case let data as Data:
            return JSONNode(string: data.base64EncodedString())
        case let url as URL:
            return JSONNode(string: url.absoluteString)
        case let decimal as Decimal:
            return JSONNode(scalar: Array(decimal.description.utf8))
        default:
            let encoder = JSONTreeEncoder(codingPath: codingPath)
            try value.encode(to: encoder)
            return encoder.node
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Models list their properties in schema order; other keyed values (dictionaries) are
        // sorted when written.
        node.becomeObject(sortingKeys: Key.self != ModelCodingKey.self)
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return JSONUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(node: node, codingPath: codingPath)
    }
}

/// Scalars shared by the three containers.
private enum JSONScalar {
    static let trueText = [UInt8]("true".utf8)
    static let falseText = [UInt8]("false".utf8)

    static func node(_ value: Bool) -> JSONNode {
        JSONNode(scalar: value ? trueText : falseText)
    }

    static func node(_ value: some BinaryInteger) -> JSONNode {
        JSONNode(scalar: Array(String(value).utf8))
    }

    static func node(_ value: Double, _ codingPath: [any CodingKey]) throws -> JSONNode {
        JSONNode(scalar: try JSONText.number(value, codingPath: codingPath))
    }

    static func node(_ value: Float, _ codingPath: [any CodingKey]) throws -> JSONNode {
        guard value.isFinite else { return try node(Double(value), codingPath) }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return JSONNode(scalar: Array(text.utf8))
    }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        node.set(key.stringValue, JSONNode(scalar: JSONNode.null))
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        node.set(key.stringValue, JSONScalar.node(value))
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        node.set(key.stringValue, JSONNode(string: value))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        node.set(key.stringValue, JSONScalar.node(value))
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        node.set(key.stringValue, JSONScalar.node(value))
    }

    mutating func encode(_ value: Int32, forKey key: Key) throws {
        node.set(key.stringValue, JSONScalar.node(value))
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        node.set(key.stringValue, try JSONScalar.node(value, codingPath + [key]))
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        node.set(key.stringValue, try JSONScalar.node(value, codingPath + [key]))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(key.stringValue, try JSONTreeEncoder.node(for: value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONTreeEncoder(codingPath: codingPath + [key])
        node.set(key.stringValue, child.node)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONTreeEncoder(codingPath: codingPath + [key])
        node.set(key.stringValue, child.node)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONTreeEncoder(codingPath: codingPath + [ModelCodingKey("super")])
        node.set("super", child.node)
        return child
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONTreeEncoder(codingPath: codingPath + [key])
        node.set(key.stringValue, child.node)
        return child
    }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    var count: Int { node.items.count }

    private var nextKey: any CodingKey { IndexKey(index: count) }

    mutating func encodeNil() throws {
        node.append(JSONNode(scalar: JSONNode.null))
    }

    mutating func encode(_ value: Bool) throws {
        node.append(JSONScalar.node(value))
    }

    mutating func encode(_ value: String) throws {
        node.append(JSONNode(string: value))
    }

    mutating func encode(_ value: Int) throws {
        node.append(JSONScalar.node(value))
    }

    mutating func encode(_ value: Double) throws {
        node.append(try JSONScalar.node(value, codingPath + [nextKey]))
    }

    mutating func encode(_ value: Float) throws {
        node.append(try JSONScalar.node(value, codingPath + [nextKey]))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.append(try JSONTreeEncoder.node(for: value, codingPath: codingPath + [nextKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONTreeEncoder(codingPath: codingPath + [nextKey])
        node.append(child.node)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONTreeEncoder(codingPath: codingPath + [nextKey])
        node.append(child.node)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONTreeEncoder(codingPath: codingPath + [nextKey])
        node.append(child.node)
        return child
    }
}

private struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        node.replace(with: JSONNode(scalar: JSONNode.null))
    }

    mutating func encode(_ value: Bool) throws {
        node.replace(with: JSONScalar.node(value))
    }

    mutating func encode(_ value: String) throws {
        node.replace(with: JSONNode(string: value))
    }

    mutating func encode(_ value: Int) throws {
        node.replace(with: JSONScalar.node(value))
    }

    mutating func encode(_ value: Double) throws {
        node.replace(with: try JSONScalar.node(value, codingPath))
    }

    mutating func encode(_ value: Float) throws {
        node.replace(with: try JSONScalar.node(value, codingPath))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.replace(with: try JSONTreeEncoder.node(for: value, codingPath: codingPath))
    }
}

/// The coding key of an array element, for error paths.
private struct IndexKey: CodingKey {
    let index: Int
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }

    init(index: Int) {
        self.index = index
    }

    init?(stringValue: String) {
        return nil
    }

    init?(intValue: Int) {
        self.index = intValue
    }
}
