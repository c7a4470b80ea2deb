import Foundation

/// Checks values against their rules before a request is sent, as cvat-sdk does for every
/// model it builds; the checks in `disabled` are skipped.
public struct Validator: Sendable {
    public let disabled: Set<ValidationCheck>

    public init(disabled: Set<ValidationCheck> = []) {
        self.disabled = disabled
    }

    /// Throws `APIError.invalidInput` naming the value, the broken rule and what the value is,
    /// in cvat-sdk's words: "Invalid value for `name` (TaskWriteRequest), length must be less
    /// than or equal to `256` (maxLength; it has 300 characters)".
    ///
    /// The path is an autoclosure: it is only built for the message of a value that fails.
    public func check(
        _ value: some ConstrainedValue,
        against rules: ValueRules,
        at path: @autoclosure () -> ValuePath
    ) throws {
        let findingDuplicates = rules.uniqueItems && isEnabled(.uniqueItems)
        if let failure = failure(of: value.measure(findingDuplicates: findingDuplicates), against: rules) {
            let path = path()
            throw APIError.invalidInput(
                "Invalid value for `\(path.property)` (\(path.owner)), \(failure.requirement) "
                    + "(\(failure.check.rawValue); \(failure.actual(secret: path.looksSecret)))"
            )
        }
    }

    private func isEnabled(_ check: ValidationCheck) -> Bool {
        disabled.isEmpty || !disabled.contains(check)
    }

    private struct Failure {
        let check: ValidationCheck
        /// cvat-sdk's wording of the rule: "length must be less than or equal to `256`".
        let requirement: String
        let measure: ValueMeasure

        func actual(secret: Bool) -> String {
            switch measure {
            case .text(let text):
                if check == .pattern {
                    if secret { return "the value is hidden" }
                    let excerpt = text.count > 60 ? String(text.prefix(60)) + "…" : text
                    return "it is \(String(reflecting: excerpt))"
                }
                let length = text.unicodeScalars.count
                return "it has \(length) character\(length == 1 ? "" : "s")"
            case .number(let number):
                return "it is \(Validator.text(number))"
            case .items(let count, let hasDuplicates):
                if check == .uniqueItems, hasDuplicates { return "some items are equal" }
                return "it has \(count) item\(count == 1 ? "" : "s")"
            case .entries(let count):
                return "it has \(count) entr\(count == 1 ? "y" : "ies")"
            case .absent, .unmeasured:
                return "it is absent"
            }
        }
    }

    private func failure(of measure: ValueMeasure, against rules: ValueRules) -> Failure? {
        func fail(_ check: ValidationCheck, _ requirement: String) -> Failure? {
            isEnabled(check) ? Failure(check: check, requirement: requirement, measure: measure) : nil
        }
        switch measure {
        case .absent, .unmeasured:
            return nil
        case .number(let number):
            if let factor = rules.multipleOf, factor > 0, !Self.isMultiple(number, of: factor),
                let failure = fail(.multipleOf, "value must be a multiple of `\(Self.text(factor))`")
            {
                return failure
            }
            if let maximum = rules.maximum {
                if rules.exclusiveMaximum, number >= maximum,
                    let failure = fail(.exclusiveMaximum, "must be a value less than `\(Self.text(maximum))`")
                {
                    return failure
                }
                if !rules.exclusiveMaximum, number > maximum,
                    let failure = fail(.maximum, "must be a value less than or equal to `\(Self.text(maximum))`")
                {
                    return failure
                }
            }
            if let minimum = rules.minimum {
                if rules.exclusiveMinimum, number <= minimum,
                    let failure = fail(.exclusiveMinimum, "must be a value greater than `\(Self.text(minimum))`")
                {
                    return failure
                }
                if !rules.exclusiveMinimum, number < minimum,
                    let failure = fail(.minimum, "must be a value greater than or equal to `\(Self.text(minimum))`")
                {
                    return failure
                }
            }
            return nil
        case .text(let text):
            // JSON Schema counts code points. UTF-8 bytes bound them from both sides (1 to 4
            // bytes each), which settles most strings without walking them.
            let bytes = text.utf8.count
            if let maximum = rules.maxLength, bytes > maximum, text.unicodeScalars.count > maximum,
                let failure = fail(.maxLength, "length must be less than or equal to `\(maximum)`")
            {
                return failure
            }
            if let minimum = rules.minLength, bytes < minimum * 4, text.unicodeScalars.count < minimum,
                let failure = fail(.minLength, "length must be greater than or equal to `\(minimum)`")
            {
                return failure
            }
            if let pattern = rules.pattern, isEnabled(.pattern), !pattern.isFound(in: text) {
                return fail(.pattern, "must match regular expression `\(pattern.source)`")
            }
            return nil
        case .items(let count, let hasDuplicates):
            if let maximum = rules.maxItems, count > maximum,
                let failure = fail(.maxItems, "number of items must be less than or equal to `\(maximum)`")
            {
                return failure
            }
            if let minimum = rules.minItems, count < minimum,
                let failure = fail(.minItems, "number of items must be greater than or equal to `\(minimum)`")
            {
                return failure
            }
            if rules.uniqueItems, hasDuplicates {
                return fail(.uniqueItems, "items must be unique")
            }
            return nil
        case .entries(let count):
            if let maximum = rules.maxProperties, count > maximum,
                let failure = fail(.maxProperties, "number of properties must be less than or equal to `\(maximum)`")
            {
                return failure
            }
            if let minimum = rules.minProperties, count < minimum,
                let failure = fail(
                    .minProperties,
                    "number of properties must be greater than or equal to `\(minimum)`"
                )
            {
                return failure
            }
            return nil
        }
    }

    /// Exact for integers; for fractions, within the rounding of the division (cvat-sdk's
    /// `float(value) / multiple_of` is no better).
    static func isMultiple(_ value: Double, of factor: Double) -> Bool {
        if value == value.rounded(), factor == factor.rounded(), abs(value) < 9e15, abs(factor) < 9e15 {
            return Int64(value) % Int64(factor) == 0
        }
        let quotient = value / factor
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }

    /// `256`, not `256.0`.
    static func text(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

/// Where a checked value sits: what holds it (the request body's type, or the operation of a
/// parameter), then the property names and item indexes down to it: `labels[0].name` in
/// `TaskWriteRequest`, `page_size` in `query parameter of tasks_list`.
public struct ValuePath: Sendable {
    /// `TaskWriteRequest`, or `query parameter of tasks_list`.
    let owner: String
    let components: [String]

    /// The path of a model checked by itself, `owner` being its type's name.
    public init(owner: String) {
        self.owner = owner
        self.components = []
    }

    /// The path of a parameter.
    init(parameter: String, location: String, operationId: String) {
        self.owner = "\(location) parameter of \(operationId)"
        self.components = [parameter]
    }

    private init(owner: String, components: [String]) {
        self.owner = owner
        self.components = components
    }

    public func appending(key: String) -> ValuePath {
        ValuePath(owner: owner, components: components + [components.isEmpty ? key : "." + key])
    }

    public func appending(index: Int) -> ValuePath {
        ValuePath(owner: owner, components: components + ["[\(index)]"])
    }

    /// `labels[0].name`; the owner itself for a whole value.
    var property: String { components.isEmpty ? owner : components.joined() }

    /// A value whose name says it is a secret shows no excerpt in errors.
    var looksSecret: Bool {
        let name = (components.last ?? owner).lowercased()
        return ["password", "secret", "token", "key", "credential"].contains { name.contains($0) }
    }
}
