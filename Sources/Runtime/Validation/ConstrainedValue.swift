import Foundation

/// What the rules of a value look at: its length, its number, its item or entry count.
public enum ValueMeasure {
    /// An optional holding nothing: no rule applies (a required value is the type's business).
    case absent
    case text(String)
    case number(Double)
    /// `hasDuplicates` is only computed when a `uniqueItems` rule asks for it.
    case items(count: Int, hasDuplicates: Bool)
    case entries(count: Int)
    /// A value no rule measures.
    case unmeasured
}

/// A value a schema's constraints can measure: strings, numbers, arrays, maps and optionals of
/// them.
public protocol ConstrainedValue {
    func measure(findingDuplicates: Bool) -> ValueMeasure
}

extension String: ConstrainedValue {
    public func measure(findingDuplicates: Bool) -> ValueMeasure { .text(self) }
}

extension Int: ConstrainedValue {
    public func measure(findingDuplicates: Bool) -> ValueMeasure { .number(Double(self)) }
}

extension Int32: ConstrainedValue {
    public func measure(findingDuplicates: Bool) -> ValueMeasure { .number(Double(self)) }
}

extension Int64: ConstrainedValue {
    public func measure(findingDuplicates: Bool) -> ValueMeasure { .number(Double(self)) }
}

extension Double: ConstrainedValue {
    public func measure(findingDuplicates: Bool) -> ValueMeasure { .number(self) }
}

extension Float: ConstrainedValue {
    public func measure(findingDuplicates: Bool) -> ValueMeasure { .number(Double(self)) }
}

extension Array: ConstrainedValue where Element: Hashable {
    public func measure(findingDuplicates: Bool) -> ValueMeasure {
        .items(count: count, hasDuplicates: findingDuplicates && Set(self).count != count)
    }
}

extension Dictionary: ConstrainedValue {
    public func measure(findingDuplicates: Bool) -> ValueMeasure { .entries(count: count) }
}

extension Optional: ConstrainedValue where Wrapped: ConstrainedValue {
    public func measure(findingDuplicates: Bool) -> ValueMeasure {
        self?.measure(findingDuplicates: findingDuplicates) ?? .absent
    }
}

/// A value that holds models whose own rules are checked too: every `APIObject`, and arrays,
/// maps and optionals of them.
public protocol ValidatedContainer {
    func validateContents(_ validator: Validator, at path: ValuePath) throws
}

extension Array: ValidatedContainer where Element: ValidatedContainer {
    public func validateContents(_ validator: Validator, at path: ValuePath) throws {
        for (index, element) in enumerated() {
            try element.validateContents(validator, at: path.appending(index: index))
        }
    }
}

extension Dictionary: ValidatedContainer where Value: ValidatedContainer {
    public func validateContents(_ validator: Validator, at path: ValuePath) throws {
        for (key, value) in self {
            try value.validateContents(validator, at: path.appending(key: "\(key)"))
        }
    }
}

extension Optional: ValidatedContainer where Wrapped: ValidatedContainer {
    public func validateContents(_ validator: Validator, at path: ValuePath) throws {
        try self?.validateContents(validator, at: path)
    }
}

extension APIObject {
    /// Checks each field that has rules, and the models inside those marked `nested`.
    public func validateContents(_ validator: Validator, at path: ValuePath) throws {
        for field in Self.fields {
            guard let validation = field.validation else { continue }
            try validation.validate(self, validator, parent: path, key: field.key)
        }
    }

    /// Checks this model against its schema's constraints as a request would, throwing
    /// `APIError.invalidInput` for the first value that breaks one.
    public func validate(disabling disabled: Set<ValidationCheck> = []) throws {
        try validateContents(Validator(disabled: disabled), at: ValuePath(owner: "\(Self.self)"))
    }
}
