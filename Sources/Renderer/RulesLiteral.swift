import SpecforgeModel

/// The runtime's `ValueRules` for a property or parameter, as a Swift array literal:
/// `[.maxLength(256), .minLength(1)]`, with `.nested` for a property holding models that have
/// rules of their own. Empty when there is nothing to check.
enum RulesLiteral {
    static func rules(_ constraints: ValueConstraints, nested: Bool = false) -> String? {
        var rules: [String] = []
        if let minimum = constraints.minimum {
            rules.append("\(constraints.exclusiveMinimum ? ".exclusiveMinimum" : ".minimum")(\(number(minimum)))")
        }
        if let maximum = constraints.maximum {
            rules.append("\(constraints.exclusiveMaximum ? ".exclusiveMaximum" : ".maximum")(\(number(maximum)))")
        }
        if let multipleOf = constraints.multipleOf { rules.append(".multipleOf(\(number(multipleOf)))") }
        if let maxLength = constraints.maxLength { rules.append(".maxLength(\(grouped(String(maxLength))))") }
        if let minLength = constraints.minLength { rules.append(".minLength(\(grouped(String(minLength))))") }
        if let pattern = constraints.pattern { rules.append(".pattern(\(SwiftLiteral.string(pattern)))") }
        if let maxItems = constraints.maxItems { rules.append(".maxItems(\(grouped(String(maxItems))))") }
        if let minItems = constraints.minItems { rules.append(".minItems(\(grouped(String(minItems))))") }
        if constraints.uniqueItems { rules.append(".uniqueItems") }
        if let maxProperties = constraints.maxProperties {
            rules.append(".maxProperties(\(grouped(String(maxProperties))))")
        }
        if let minProperties = constraints.minProperties {
            rules.append(".minProperties(\(grouped(String(minProperties))))")
        }
        if nested { rules.append(".nested") }
        return rules.isEmpty ? nil : "[" + rules.joined(separator: ", ") + "]"
    }

    /// A `Double` argument as a person writes it: `1`, `0.5`, `2_147_483_647`, `1e+20`.
    private static func number(_ value: Double) -> String {
        grouped(ValueConstraints.number(value))
    }

    /// Digits grouped by three from five digits on (`10_000`), as swift-format asks of long
    /// literals; text that is not a plain integer is left as it is.
    static func grouped(_ text: String) -> String {
        let sign = text.hasPrefix("-") ? "-" : ""
        let digits = Array(text.dropFirst(sign.count))
        guard digits.count > 4, digits.allSatisfy(\.isNumber) else { return text }
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append("_") }
            result.append(digit)
        }
        return sign + result
    }
}
