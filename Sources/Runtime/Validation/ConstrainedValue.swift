import Foundation

/// What the rules of a value look at: its length, its number, its item or entry count.
public enum ValueMeasure: Sendable {
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
    /// Throws a `ValueViolation` for the first value inside that breaks a rule.
    func validateContents(_ validator: Validator) throws
}

// Loops over indices rather than `enumerated()`: generic code that is not specialized looks up
// the metadata of every generic type it touches (`EnumeratedSequence<[Element]>`, its tuples)
// on each call, which cost more than the checks themselves.
extension Array: ValidatedContainer where Element: ValidatedContainer {
    public func validateContents(_ validator: Validator) throws {
        // Through the buffer, each element is checked where it lies instead of being copied
        // out (a copy retains every reference the model holds).
        try withUnsafeBufferPointer { elements in
            var index = 0
            while index < elements.count {
                do {
                    try elements[index].validateContents(validator)
                } catch let violation as ValueViolation {
                    throw violation.inside("[\(index)]")
                }
                index += 1
            }
        }
    }
}

extension Dictionary: ValidatedContainer where Value: ValidatedContainer {
    public func validateContents(_ validator: Validator) throws {
        for (key, value) in self {
            do {
                try value.validateContents(validator)
            } catch let violation as ValueViolation {
                throw violation.inside("\(key)")
            }
        }
    }
}

extension Optional: ValidatedContainer where Wrapped: ValidatedContainer {
    public func validateContents(_ validator: Validator) throws {
        try self?.validateContents(validator)
    }
}

extension APIObject {
    /// Checks each field that has rules, and the models inside those marked `nested`.
    ///
    /// Inlinable, so that each generated model's conformance is specialized in its own module
    /// instead of walking `fields` through unspecialized generic code.
    @inlinable
    public func validateContents(_ validator: Validator) throws {
        let fields = Self.fields
        var index = 0
        while index < fields.count {
            if let validation = fields[index].validation {
                do {
                    try validation.validate(self, validator)
                } catch let violation as ValueViolation {
                    throw violation.inside(fields[index].key)
                }
            }
            index += 1
        }
    }

    /// Checks this model against its schema's constraints as a request would, throwing
    /// `APIError.invalidInput` for the first value that breaks one.
    public func validate(disabling disabled: Set<ValidationCheck> = []) throws {
        let validator = Validator(disabled: disabled)
        try validator.report(owner: "\(Self.self)") { try validateContents(validator) }
    }
}
