/// The types the coding containers have overloads of their own for (`encode(_: Int, forKey:)`),
/// which JSONEncoder serves directly: its generic overload first tries a dynamic cast of the
/// value to every type it treats specially, and that made encoding a model of numbers and
/// strings nearly 1.5 times as slow. Only concrete code can choose those overloads, hence one
/// conformance per type.
protocol ContainerPrimitive: Codable, Hashable {
    static func encodeIfPresent(
        _ value: Self?,
        into container: inout ModelEncodingContainer,
        forKey key: ModelCodingKey
    )
        throws
    static func decode(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self
    static func decodeIfPresent(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self?
}

extension String: ContainerPrimitive {
    static func encodeIfPresent(
        _ value: Self?,
        into container: inout ModelEncodingContainer,
        forKey key: ModelCodingKey
    )
        throws
    {
        try container.encodeIfPresent(value, forKey: key)
    }

    static func decode(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self {
        try container.decode(Self.self, forKey: key)
    }

    static func decodeIfPresent(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self? {
        try container.decodeIfPresent(Self.self, forKey: key)
    }
}

extension Int: ContainerPrimitive {
    static func encodeIfPresent(
        _ value: Self?,
        into container: inout ModelEncodingContainer,
        forKey key: ModelCodingKey
    )
        throws
    {
        try container.encodeIfPresent(value, forKey: key)
    }

    static func decode(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self {
        try container.decode(Self.self, forKey: key)
    }

    static func decodeIfPresent(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self? {
        try container.decodeIfPresent(Self.self, forKey: key)
    }
}

extension Double: ContainerPrimitive {
    static func encodeIfPresent(
        _ value: Self?,
        into container: inout ModelEncodingContainer,
        forKey key: ModelCodingKey
    )
        throws
    {
        try container.encodeIfPresent(value, forKey: key)
    }

    static func decode(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self {
        try container.decode(Self.self, forKey: key)
    }

    static func decodeIfPresent(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self? {
        try container.decodeIfPresent(Self.self, forKey: key)
    }
}

extension Bool: ContainerPrimitive {
    static func encodeIfPresent(
        _ value: Self?,
        into container: inout ModelEncodingContainer,
        forKey key: ModelCodingKey
    )
        throws
    {
        try container.encodeIfPresent(value, forKey: key)
    }

    static func decode(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self {
        try container.decode(Self.self, forKey: key)
    }

    static func decodeIfPresent(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self? {
        try container.decodeIfPresent(Self.self, forKey: key)
    }
}

extension ContainerPrimitive {
    static func requiredCoding<Model>(of property: PartialKeyPath<Model>, key: ModelCodingKey)
        -> any PropertyCoding<Model>
    {
        RequiredPrimitiveCoding(property as! KeyPath<Model, Self>, key: key)
    }
}

/// A property of a `ContainerPrimitive` type that is always present.
final class RequiredPrimitiveCoding<Model, Value: ContainerPrimitive>: PropertyAccess<Model, Value>, PropertyCoding,
    @unchecked Sendable
{
    func encode(_ model: Model, into container: inout ModelEncodingContainer) throws {
        try Value.encodeIfPresent(value(of: model), into: &container, forKey: key)
    }

    func decode(from container: ModelDecodingContainer) throws -> Any {
        try Value.decode(from: container, forKey: key)
    }
}

/// An optional property of a `ContainerPrimitive` type (`Value` is the `Optional`, so that its
/// metadata is the class's own rather than looked up from the wrapped type's on every call).
final class OptionalPrimitiveCoding<Model, Value: OptionalPrimitive>: OptionalPropertyAccess<Model, Value>,
    PropertyCoding, @unchecked Sendable
{
    func encode(_ model: Model, into container: inout ModelEncodingContainer) throws {
        try value(of: model).encodePrimitive(into: &container, forKey: key)
    }

    func decode(from container: ModelDecodingContainer) throws -> Any {
        try Value.decodePrimitive(from: container, forKey: key)
    }
}

/// `Optional` of a `ContainerPrimitive`.
protocol OptionalPrimitive: OptionalProperty {
    static func primitiveCoding<Model>(of property: PartialKeyPath<Model>, key: ModelCodingKey)
        -> any PropertyCoding<Model>
    func encodePrimitive(into container: inout ModelEncodingContainer, forKey key: ModelCodingKey) throws
    static func decodePrimitive(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self
}

extension Optional: OptionalPrimitive where Wrapped: ContainerPrimitive {
    static func primitiveCoding<Model>(of property: PartialKeyPath<Model>, key: ModelCodingKey)
        -> any PropertyCoding<Model>
    {
        OptionalPrimitiveCoding(property as! KeyPath<Model, Self>, key: key)
    }

    func encodePrimitive(into container: inout ModelEncodingContainer, forKey key: ModelCodingKey) throws {
        try Wrapped.encodeIfPresent(self, into: &container, forKey: key)
    }

    static func decodePrimitive(from container: ModelDecodingContainer, forKey key: ModelCodingKey) throws -> Self {
        try Wrapped.decodeIfPresent(from: container, forKey: key)
    }
}
