/// How one field of a model is checked: its own rules, then the models inside it. Typed once,
/// when the model's `fields` are built, so a check takes no dynamic cast.
protocol FieldValidation<Model>: Sendable {
    associatedtype Model
    func validate(_ model: Model, _ validator: Validator, parent: ValuePath, key: String) throws
}

struct MeasuredField<Model, Value: ConstrainedValue>: FieldValidation, @unchecked Sendable {
    // `@unchecked`: key paths of generated models are immutable and safe to share.
    let property: KeyPath<Model, Value>
    let rules: ValueRules

    func validate(_ model: Model, _ validator: Validator, parent: ValuePath, key: String) throws {
        try validator.check(model[keyPath: property], against: rules, at: parent.appending(key: key))
    }
}

struct NestedField<Model, Value: ValidatedContainer>: FieldValidation, @unchecked Sendable {
    let property: KeyPath<Model, Value>

    func validate(_ model: Model, _ validator: Validator, parent: ValuePath, key: String) throws {
        try model[keyPath: property].validateContents(validator, at: parent.appending(key: key))
    }
}

/// Both: a field with rules of its own that also holds models (an array of models with
/// `maxItems`).
struct MeasuredNestedField<Model, Value: ConstrainedValue & ValidatedContainer>: FieldValidation,
    @unchecked Sendable
{
    let property: KeyPath<Model, Value>
    let rules: ValueRules

    func validate(_ model: Model, _ validator: Validator, parent: ValuePath, key: String) throws {
        let value = model[keyPath: property]
        try validator.check(value, against: rules, at: parent.appending(key: key))
        try value.validateContents(validator, at: parent.appending(key: key))
    }
}

extension ConstrainedValue {
    static func fieldValidation<Model>(_ property: PartialKeyPath<Model>, rules: ValueRules)
        -> any FieldValidation<Model>
    {
        let property = property as! KeyPath<Model, Self>
        if rules.nested, let nested = Self.self as? any (ConstrainedValue & ValidatedContainer).Type {
            return nested.measuredNestedValidation(property as AnyKeyPath, rules: rules, model: Model.self)
        }
        return MeasuredField(property: property, rules: rules)
    }
}

extension ValidatedContainer {
    static func nestedValidation<Model>(_ property: PartialKeyPath<Model>) -> any FieldValidation<Model> {
        NestedField(property: property as! KeyPath<Model, Self>)
    }
}

extension ConstrainedValue where Self: ValidatedContainer {
    static func measuredNestedValidation<Model>(_ property: AnyKeyPath, rules: ValueRules, model: Model.Type)
        -> any FieldValidation<Model>
    {
        MeasuredNestedField(property: property as! KeyPath<Model, Self>, rules: rules)
    }
}
