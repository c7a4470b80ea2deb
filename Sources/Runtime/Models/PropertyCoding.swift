/// The containers a model's properties are coded in.
typealias ModelEncodingContainer = KeyedEncodingContainer<ModelCodingKey>
typealias ModelDecodingContainer = KeyedDecodingContainer<ModelCodingKey>

/// What `APIObject` does with one stored property: code it, compare it, hash it. Made once per
/// property from its type (`ModelField`), so each call works on the typed value.
///
/// Classes, so that a `ModelField` holds one reference to it rather than a copy.
protocol PropertyCoding<Model>: AnyObject, Sendable {
    associatedtype Model

    func encode(_ model: Model, into container: inout ModelEncodingContainer) throws
    func decode(from container: ModelDecodingContainer) throws -> Any
    func isEqual(_ lhs: Model, _ rhs: Model) -> Bool
    func hash(_ model: Model, into hasher: inout Hasher)
}

/// Reads one property of a model (`PropertyReader`), compares and hashes it. Both generic
/// parameters are the class's own, so their metadata is at hand rather than looked up on each
/// call.
class PropertyAccess<Model, Value: Hashable>: @unchecked Sendable {
    // `@unchecked`: immutable, and the key path comes from a `Sendable` one (`ModelField.property`).
    let key: ModelCodingKey
    private let reader: PropertyReader<Model, Value>

    init(_ property: KeyPath<Model, Value>, key: ModelCodingKey) {
        self.reader = PropertyReader(property)
        self.key = key
    }

    final func value(of model: Model) -> Value {
        reader.read(model)
    }

    func isEqual(_ lhs: Model, _ rhs: Model) -> Bool {
        value(of: lhs) == value(of: rhs)
    }

    final func hash(_ model: Model, into hasher: inout Hasher) {
        hasher.combine(value(of: model))
    }
}

/// A property that is always present: a missing key is a decoding error.
final class RequiredPropertyCoding<Model, Value: Codable & Hashable>: PropertyAccess<Model, Value>, PropertyCoding,
    @unchecked Sendable
{
    func encode(_ model: Model, into container: inout ModelEncodingContainer) throws {
        try container.encode(value(of: model), forKey: key)
    }

    func decode(from container: ModelDecodingContainer) throws -> Any {
        try container.decode(Value.self, forKey: key)
    }
}

/// An optional property (`Value` is the `Optional` itself), compared without the tuple of both
/// values that `Optional`'s own `==` switches over: in unspecialized code, that tuple's type is
/// looked up on every call.
class OptionalPropertyAccess<Model, Value: OptionalProperty>: PropertyAccess<Model, Value>, @unchecked Sendable {
    override final func isEqual(_ lhs: Model, _ rhs: Model) -> Bool {
        value(of: lhs).isEqual(to: value(of: rhs))
    }
}

/// An optional property, coded as synthesized code does: `nil` is left out rather than encoded
/// as `null`, and a missing key or `null` decodes as `nil`.
final class OptionalPropertyCoding<Model, Value: OptionalProperty>: OptionalPropertyAccess<Model, Value>,
    PropertyCoding, @unchecked Sendable
{
    func encode(_ model: Model, into container: inout ModelEncodingContainer) throws {
        try value(of: model).encodeIfPresent(into: &container, forKey: key)
    }

    func decode(from container: ModelDecodingContainer) throws -> Any {
        try Value.decodeIfPresent(from: container, forKey: key)
    }
}

/// `Optional`, recognised from a property's type.
protocol OptionalProperty: Hashable {
    static func coding<Model>(of property: PartialKeyPath<Model>, key: ModelCodingKey) -> any PropertyCoding<Model>
    static func requiredNullableCoding<Model>(of property: PartialKeyPath<Model>, key: ModelCodingKey)
        -> any PropertyCoding<Model>
    func encodeIfPresent(into container: inout ModelEncodingContainer, forKey key: ModelCodingKey) throws
    static func decodeIfPresent(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self
    func isEqual(to other: Self) -> Bool
}

extension Optional: OptionalProperty where Wrapped: Codable & Hashable {
    static func coding<Model>(of property: PartialKeyPath<Model>, key: ModelCodingKey) -> any PropertyCoding<Model> {
        if let primitive = Self.self as? any OptionalPrimitive.Type {
            return primitive.primitiveCoding(of: property, key: key)
        }
        if Wrapped.self == JSONValue.self {
            return UntypedPropertyCoding(property as! KeyPath<Model, JSONValue?>, key: key)
        }
        return OptionalPropertyCoding(property as! KeyPath<Model, Self>, key: key)
    }

    static func requiredNullableCoding<Model>(of property: PartialKeyPath<Model>, key: ModelCodingKey)
        -> any PropertyCoding<Model>
    {
        RequiredNullablePropertyCoding(property as! KeyPath<Model, Self>, key: key)
    }

    func encodeIfPresent(into container: inout ModelEncodingContainer, forKey key: ModelCodingKey) throws {
        try container.encodeIfPresent(self, forKey: key)
    }

    static func decodeIfPresent(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self {
        try container.decodeIfPresent(Wrapped.self, forKey: key)
    }

    func isEqual(to other: Self) -> Bool {
        // Not `other == nil`, which is `Optional`'s `==` again.
        guard let value = self else {
            if case .none = other {
                return true
            }
            return false
        }
        guard let other else {
            return false
        }
        return value == other
    }
}

/// An optional property without a type (`{}`, `{readOnly: true}`), which allows `null` as
/// any value: absent is `nil`, `null` is `.null`, and each is written back as it came (CVAT's
/// `WebhookDeliveryRead.response`, `OrganizationRead.contact`).
final class UntypedPropertyCoding<Model>: OptionalPropertyAccess<Model, JSONValue?>, PropertyCoding,
    @unchecked Sendable
{
    func encode(_ model: Model, into container: inout ModelEncodingContainer) throws {
        if let value = value(of: model) {
            try container.encode(value, forKey: key)
        }
    }

    func decode(from container: ModelDecodingContainer) throws -> Any {
        guard container.contains(key) else { return JSONValue?.none as Any }
        return Optional(try container.decode(JSONValue.self, forKey: key)) as Any
    }
}
