/// A model of an object schema: a struct whose stored properties are listed, with their names
/// in JSON, in `fields`.
///
/// Coding, equality and hashing are implemented once, here, by walking `fields`, instead of
/// being synthesized by the compiler for every model: that per-model code was half of what a
/// generated client compiled. The behaviour is that of synthesized code:
/// optional properties that are `nil` are left out of the JSON, a missing non-optional
/// property is a decoding error, and every property takes part in `==` and `hash(into:)`.
///
/// ```swift
/// public struct Label: APIObject {
///     public var id: Int?
///     public var name: String
///
///     public init(id: Int? = nil, name: String) {
///         self.id = id
///         self.name = name
///     }
///
///     public static let fields: [ModelField<Label>] = [
///         ModelField("id", \.id),
///         ModelField("name", \.name),
///     ]
///
///     public init(from decoder: any Decoder) throws {
///         let values = try ModelValues<Label>(decoder)
///         self.id = values.id
///         self.name = values.name
///     }
/// }
/// ```
public protocol APIObject: APIModel {
    /// Every stored property, in declaration order.
    static var fields: [ModelField<Self>] { get }
}

extension APIObject {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ModelCodingKey.self)
        for field in Self.fields {
            try field.encode(self, into: &container)
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        fields.allSatisfy { $0.hashable(of: lhs) == $0.hashable(of: rhs) }
    }

    public func hash(into hasher: inout Hasher) {
        for field in Self.fields {
            hasher.combine(field.hashable(of: self))
        }
    }
}

/// One stored property of an `APIObject`: its name in JSON and the key path that reads it.
public struct ModelField<Model>: Sendable {
    /// The property's name in JSON.
    public let key: String
    /// The stored property.
    public let property: PartialKeyPath<Model> & Sendable

    public init(_ key: String, _ property: PartialKeyPath<Model> & Sendable) {
        self.key = key
        self.property = property
    }

    fileprivate var codingKey: ModelCodingKey { ModelCodingKey(key) }

    fileprivate func hashable(of model: Model) -> AnyHashable {
        guard let value = model[keyPath: property] as? any Hashable else {
            preconditionFailure("\(Model.self).\(key) is not Hashable")
        }
        return AnyHashable(value)
    }

    fileprivate func encode(_ model: Model, into container: inout KeyedEncodingContainer<ModelCodingKey>) throws {
        let value = model[keyPath: property]
        if let optional = value as? any OptionalCodable {
            try optional.encodeIfPresent(into: &container, forKey: codingKey)
        } else if let value = value as? any Encodable {
            try container.encode(value, forKey: codingKey)
        } else {
            preconditionFailure("\(Model.self).\(key) is not Encodable")
        }
    }

    fileprivate func decode(from container: KeyedDecodingContainer<ModelCodingKey>) throws -> Any {
        let valueType = type(of: property).valueType
        if let optional = valueType as? any OptionalCodable.Type {
            return try optional.decodeIfPresent(from: container, forKey: codingKey)
        }
        guard let decodable = valueType as? any Decodable.Type else {
            preconditionFailure("\(Model.self).\(key) is not Decodable")
        }
        return try container.decode(decodable, forKey: codingKey)
    }
}

/// `Optional`'s coding as a property: `nil` is left out rather than encoded as `null`, and a
/// missing key decodes as `nil`.
private protocol OptionalCodable {
    func encodeIfPresent(into container: inout KeyedEncodingContainer<ModelCodingKey>, forKey key: ModelCodingKey)
        throws
    static func decodeIfPresent(from container: KeyedDecodingContainer<ModelCodingKey>, forKey key: ModelCodingKey)
        throws -> Self
}

extension Optional: OptionalCodable where Wrapped: Codable {
    fileprivate func encodeIfPresent(
        into container: inout KeyedEncodingContainer<ModelCodingKey>,
        forKey key: ModelCodingKey
    ) throws {
        try container.encodeIfPresent(self, forKey: key)
    }

    fileprivate static func decodeIfPresent(
        from container: KeyedDecodingContainer<ModelCodingKey>,
        forKey key: ModelCodingKey
    ) throws -> Self {
        try container.decodeIfPresent(Wrapped.self, forKey: key)
    }
}

/// The properties of a model decoded from a JSON object, for the model's `init(from:)` to read
/// back as `values.name`.
///
/// Decoding happens in one throwing step and reading cannot fail, so a model's initialiser
/// has a single point of failure rather than one per property (each of which the compiler
/// would have to give its own clean-up code).
@dynamicMemberLookup
public final class ModelValues<Model: APIObject> {
    private let fields = Model.fields
    private var values: [Any] = []
    /// Where the next read is expected: initialisers read properties in `fields` order.
    private var cursor = 0

    public init(_ decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ModelCodingKey.self)
        values.reserveCapacity(fields.count)
        for field in fields {
            values.append(try field.decode(from: container))
        }
    }

    public subscript<Value>(dynamicMember property: KeyPath<Model, Value>) -> Value {
        let wanted: AnyKeyPath = property
        let index =
            fields[cursor...].firstIndex { $0.property as AnyKeyPath == wanted }
            ?? fields.firstIndex { $0.property as AnyKeyPath == wanted }
        guard let index, let value = values[index] as? Value else {
            preconditionFailure("\(property) is not one of \(Model.self).fields")
        }
        cursor = index + 1
        return value
    }
}

/// A JSON object key, as `Codable` containers take it.
public struct ModelCodingKey: CodingKey, Hashable, Sendable {
    public let stringValue: String

    public init(_ stringValue: String) {
        self.stringValue = stringValue
    }

    public init(stringValue: String) {
        self.init(stringValue)
    }

    public var intValue: Int? { nil }

    public init?(intValue: Int) {
        return nil
    }
}
