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
public protocol APIObject: APIModel, ValidatedContainer {
    /// Every stored property, in declaration order.
    static var fields: [ModelField<Self>] { get }
}

extension APIObject {
    public func encode(to encoder: any Encoder) throws {
        FieldsCheck.verifyOnce(self)
        var container = encoder.container(keyedBy: ModelCodingKey.self)
        for field in Self.fields {
            try field.coding.encode(self, into: &container)
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        FieldsCheck.verifyOnce(lhs)
        for field in fields where !field.coding.isEqual(lhs, rhs) {
            return false
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        for field in Self.fields {
            field.coding.hash(self, into: &hasher)
        }
    }
}

/// One stored property of an `APIObject`: its name in JSON and the key path that reads it.
///
/// Every property's type must be `Codable` and `Hashable` (a model is both); that is checked
/// once, when the model's `fields` are first used. A class, so that walking a model's fields
/// copies one reference per field rather than its three parts.
public final class ModelField<Model>: Sendable {
    /// The property's name in JSON.
    public let key: String
    /// The stored property.
    public let property: PartialKeyPath<Model> & Sendable
    /// The property's coding, equality and hashing, typed once here so that handling a model
    /// takes no dynamic cast per property. (Casting each value to `Encodable`, `Hashable` and
    /// the like made coding 2.3 times as slow as synthesized code, hashing 38 times and
    /// equality 130 times; now it is 1.3, 5.5 and 11 times, `make bench`.)
    let coding: any PropertyCoding<Model>
    /// How the property is checked before a request is sent; `nil` when it has no rules.
    @usableFromInline
    let validation: (any FieldValidation<Model>)?

    /// - Parameters:
    ///   - key: The property's name in JSON.
    ///   - property: The stored property. A `Nullable<T>?` is a property that may be absent
    ///     or `null`, and keeps the two apart.
    ///   - required: For an optional property (`T?`) whose schema requires it but allows
    ///     `null`: the key is always sent, `nil` as `null`.
    ///   - rules: The schema's constraints, checked before a request carrying the model is
    ///     sent; `.nested` when the property holds models with rules of their own.
    public init(
        _ key: String,
        _ property: PartialKeyPath<Model> & Sendable,
        required: Bool = false,
        rules: ValueRules = []
    ) {
        self.key = key
        self.property = property
        let codingKey = ModelCodingKey(key)
        let valueType = type(of: property).valueType
        self.validation = Self.validation(of: property, as: valueType, rules: rules)
        if let nullable = valueType as? any NullableProperty.Type {
            self.coding = nullable.nullableCoding(of: property, key: codingKey)
        } else if required, let optional = valueType as? any OptionalProperty.Type {
            self.coding = optional.requiredNullableCoding(of: property, key: codingKey)
        } else if let optional = valueType as? any OptionalProperty.Type {
            self.coding = optional.coding(of: property, key: codingKey)
        } else if let primitive = valueType as? any ContainerPrimitive.Type {
            self.coding = primitive.requiredCoding(of: property, key: codingKey)
        } else if let value = valueType as? any (Codable & Hashable).Type {
            self.coding = Self.coding(of: property, as: value, key: codingKey)
        } else {
            preconditionFailure("\(Model.self).\(key): \(valueType) is not Codable and Hashable")
        }
    }

    /// Rules that cannot apply to the property's type (the generator never writes such) are
    /// ignored, as the server would ignore them.
    private static func validation(of property: PartialKeyPath<Model>, as valueType: Any.Type, rules: ValueRules)
        -> (any FieldValidation<Model>)?
    {
        if rules.isEmpty { return nil }
        if rules.measuresValue, let measured = valueType as? any ConstrainedValue.Type {
            return measured.fieldValidation(property, rules: rules)
        }
        if rules.nested, let container = valueType as? any ValidatedContainer.Type {
            return container.nestedValidation(property)
        }
        return nil
    }

    private static func coding<Value: Codable & Hashable>(
        of property: PartialKeyPath<Model>,
        as _: Value.Type,
        key: ModelCodingKey
    ) -> any PropertyCoding<Model> {
        RequiredPropertyCoding(property as! KeyPath<Model, Value>, key: key)
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
    /// Every property, in `fields` order.
    private let values: [DecodedProperty]
    /// Where the next read is expected: initialisers read properties in `fields` order.
    private var cursor = 0

    public init(_ decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ModelCodingKey.self)
        let fields = Model.fields
        var values: [DecodedProperty] = []
        values.reserveCapacity(fields.count)
        for field in fields {
            values.append(DecodedProperty(property: field.property, value: try field.coding.decode(from: container)))
        }
        self.values = values
    }

    public subscript<Value>(dynamicMember property: KeyPath<Model, Value>) -> Value {
        guard let index = index(of: property) else {
            preconditionFailure("\(property) is not one of \(Model.self).fields")
        }
        cursor = index + 1
        // The value was decoded as the type of this very key path. (`as!`, not `as?`: casting
        // to `Value?` looks up the metadata of `Optional<Value>` on every read.)
        return values[index].value as! Value
    }

    private func index(of property: AnyKeyPath) -> Int? {
        if cursor < values.count, values[cursor].property == property {
            return cursor
        }
        return values.firstIndex { $0.property == property }
    }
}

/// A property's key path and decoded value, as `ModelValues` keeps them. Not a tuple, which
/// an array copies and destroys through the runtime's generic tuple functions, and not nested
/// in `ModelValues`, which would make it generic.
private struct DecodedProperty {
    let property: AnyKeyPath
    let value: Any
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
