// Properties whose schema allows `null`, coded so that JSON read and written back is the JSON
// that was read: a `null` stays `null` and an absent key stays absent.
//
// - Not required and nullable: the property is `Nullable<T>?`. `nil` leaves the key out,
//   `.null` sends `null`, and a value sends the value. PATCH bodies need all three:
//   `PatchedTaskWriteRequest(assigneeId: .null)` unassigns a task, where `assigneeId: nil`
//   leaves the assignee alone.
// - Required and nullable: the property is `T?`, and the key is always sent, as `null` when the
//   property is `nil` (`ModelField(…, required: true)`).

/// `Nullable<T>?`, recognised from a property's type.
protocol NullableProperty: OptionalProperty {
    static func nullableCoding<Model>(of property: PartialKeyPath<Model>, key: ModelCodingKey)
        -> any PropertyCoding<Model>
    func encodeKeepingNull(into container: inout ModelEncodingContainer, forKey key: ModelCodingKey) throws
    static func decodeKeepingNull(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self
}

/// `Nullable<T>`, seen without its generic parameter.
protocol NullableValue: Codable, Hashable {
    static func decodeValue(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self
}

extension Nullable: NullableValue where Wrapped: Codable & Hashable {
    static func decodeValue(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self {
        try container.decodeNil(forKey: key) ? .null : .value(try container.decode(Wrapped.self, forKey: key))
    }
}

extension Optional: NullableProperty where Wrapped: NullableValue {
    static func nullableCoding<Model>(of property: PartialKeyPath<Model>, key: ModelCodingKey)
        -> any PropertyCoding<Model>
    {
        NullablePropertyCoding(property as! KeyPath<Model, Self>, key: key)
    }

    func encodeKeepingNull(into container: inout ModelEncodingContainer, forKey key: ModelCodingKey) throws {
        // `.null` encodes as `null` (see `Nullable.encode(to:)`); `nil` leaves the key out.
        if let value = self {
            try container.encode(value, forKey: key)
        }
    }

    static func decodeKeepingNull(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self {
        guard container.contains(key) else { return nil }
        return try Wrapped.decodeValue(from: container, forKey: key)
    }
}

/// A property that is not required but may be `null`: absent, `null` and a value are three
/// different things.
final class NullablePropertyCoding<Model, Value: NullableProperty>: OptionalPropertyAccess<Model, Value>,
    PropertyCoding, @unchecked Sendable
{
    func encode(_ model: Model, into container: inout ModelEncodingContainer) throws {
        try value(of: model).encodeKeepingNull(into: &container, forKey: key)
    }

    func decode(from container: ModelDecodingContainer) throws -> Any {
        try Value.decodeKeepingNull(from: container, forKey: key)
    }
}

/// A property that is required and may be `null`: always sent, `nil` as `null`. An absent key
/// still decodes (as `nil`), so that a server that leaves the key out is not an error.
final class RequiredNullablePropertyCoding<Model, Value: OptionalProperty & Codable>: OptionalPropertyAccess<
    Model, Value
>,
PropertyCoding, @unchecked Sendable
{
    func encode(_ model: Model, into container: inout ModelEncodingContainer) throws {
        try container.encode(value(of: model), forKey: key)
    }

    func decode(from container: ModelDecodingContainer) throws -> Any {
        try Value.decodeIfPresent(from: container, forKey: key)
    }
}
