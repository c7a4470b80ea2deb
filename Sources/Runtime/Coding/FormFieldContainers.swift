// The containers `FormFieldCollector` hands out.

/// The top-level object of a form body: every property becomes a field.
struct FormFieldContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let collector: FormFieldCollector
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        // Form bodies cannot express null; an absent field is the closest equivalent.
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try collector.append(value, named: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        unsupported(key)
        return KeyedEncodingContainer(FormFieldContainer<NestedKey>(collector: FormFieldCollector()))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        unsupported(key)
        return IgnoredUnkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        collector
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        unsupported(key)
        return FormFieldCollector()
    }

    /// Nested containers only come from hand-written `encode(to:)` methods; synthesized and
    /// generated ones encode nested values as a whole, which `append` turns into JSON parts.
    private func unsupported(_ key: Key) {
        collector.fail("'\(key.stringValue)' uses a nested container; encode the value as a whole instead")
    }
}

/// Passes a wrapped value on to the collector, so `oneOf` wrappers can be form bodies.
struct ForwardingSingleValueContainer: SingleValueEncodingContainer {
    let collector: FormFieldCollector
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        collector.fail("the body is null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: collector)
    }
}

/// Swallows values after a failure has been recorded, because containers cannot throw.
struct IgnoredUnkeyedContainer: UnkeyedEncodingContainer {
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    mutating func encodeNil() throws {
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        count += 1
        return KeyedEncodingContainer(FormFieldContainer<NestedKey>(collector: FormFieldCollector()))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return IgnoredUnkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        FormFieldCollector()
    }
}
