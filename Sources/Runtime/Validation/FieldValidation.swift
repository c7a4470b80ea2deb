/// How one field of a model is checked: its own rules, then the models inside it. Typed once,
/// when the model's `fields` are built, so a check takes no dynamic cast.
@usableFromInline
protocol FieldValidation<Model>: Sendable {
    associatedtype Model
    func validate(_ model: Model, _ validator: Validator) throws
}

struct MeasuredField<Model, Value: ConstrainedValue>: FieldValidation, @unchecked Sendable {
    let reader: PropertyReader<Model, Value>
    let rules: ValueRules

    init(property: KeyPath<Model, Value>, rules: ValueRules) {
        self.reader = PropertyReader(property)
        self.rules = rules
    }

    func validate(_ model: Model, _ validator: Validator) throws {
        try validator.check(reader.read(model), against: rules)
    }
}

struct NestedField<Model, Value: ValidatedContainer>: FieldValidation, @unchecked Sendable {
    let reader: PropertyReader<Model, Value>

    init(property: KeyPath<Model, Value>) {
        self.reader = PropertyReader(property)
    }

    func validate(_ model: Model, _ validator: Validator) throws {
        try reader.read(model).validateContents(validator)
    }
}

/// Both: a field with rules of its own that also holds models (an array of models with
/// `maxItems`).
struct MeasuredNestedField<Model, Value: ConstrainedValue & ValidatedContainer>: FieldValidation,
    @unchecked Sendable
{
    let reader: PropertyReader<Model, Value>
    let rules: ValueRules

    init(property: KeyPath<Model, Value>, rules: ValueRules) {
        self.reader = PropertyReader(property)
        self.rules = rules
    }

    func validate(_ model: Model, _ validator: Validator) throws {
        let value = reader.read(model)
        try validator.check(value, against: rules)
        try value.validateContents(validator)
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
