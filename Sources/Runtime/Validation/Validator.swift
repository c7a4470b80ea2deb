import Foundation

/// Checks values against their rules before a request is sent, as cvat-sdk does for every
/// model it builds; the checks in `disabled` are skipped.
public struct Validator: Sendable {
    public let disabled: Set<ValidationCheck>

    public init(disabled: Set<ValidationCheck> = []) {
        self.disabled = disabled
    }

    /// Checks `value` against `rules`, throwing a `ValueViolation` for the first broken one;
    /// whoever holds the value adds its name to the violation's path on the way out, and the
    /// caller that started the check turns it into `APIError.invalidInput` (`report`). No path
    /// is built while values pass, which is nearly always.
    public func check(_ value: some ConstrainedValue, against rules: ValueRules) throws {
        let findingDuplicates = rules.uniqueItems && isEnabled(.uniqueItems)
        if let failure = failure(of: value.measure(findingDuplicates: findingDuplicates), against: rules) {
            throw ValueViolation(failure: failure)
        }
    }

    /// Runs `checks` and reports a violation as cvat-sdk words it, with the path to the value
    /// and what the value is: "Invalid value for `labels[0].name` (TaskWriteRequest), length
    /// must be less than or equal to `64` (maxLength; it has 65 characters)".
    ///
    /// - Parameter owner: What holds the value: the body's type, or `query parameter of
    ///   tasks_list` for a parameter (whose name is the path's first component).
    public func report(owner: String, path: [String] = [], _ checks: () throws -> Void) throws {
        do {
            try checks()
        } catch let violation as ValueViolation {
            let components = path + violation.reversedPath.reversed()
            var property = ""
            for component in components {
                property += component.hasPrefix("[") || property.isEmpty ? component : "." + component
            }
            let name = (components.last { !$0.hasPrefix("[") } ?? owner).lowercased()
            let secret = ["password", "secret", "token", "key", "credential"].contains { name.contains($0) }
            let failure = violation.failure
            throw APIError.invalidInput(
                "Invalid value for `\(property.isEmpty ? owner : property)` (\(owner)), \(failure.requirement) "
                    + "(\(failure.check.rawValue); \(failure.actual(secret: secret)))"
            )
        }
    }

    private func isEnabled(_ check: ValidationCheck) -> Bool {
        disabled.isEmpty || !disabled.contains(check)
    }

    struct Failure: Sendable {
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

/// A value that broke one of its rules, on its way up to the `Validator.report` that started
/// the check: each container it passes through adds the value's name or index to the path.
public struct ValueViolation: Error {
    let failure: Validator.Failure
    /// `name`, `[0]`, `labels`: innermost first.
    var reversedPath: [String] = []

    /// The violation seen from the container that holds the value under `component`.
    @usableFromInline
    func inside(_ component: String) -> ValueViolation {
        var outer = self
        outer.reversedPath.append(component)
        return outer
    }
}
