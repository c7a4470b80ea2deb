import SpecforgeModel
import SpecforgeParser

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
        if let maxLength = constraints.maxLength { rules.append(".maxLength(\(maxLength))") }
        if let minLength = constraints.minLength { rules.append(".minLength(\(minLength))") }
        if let pattern = constraints.pattern { rules.append(".pattern(\(SwiftLiteral.string(pattern)))") }
        if let maxItems = constraints.maxItems { rules.append(".maxItems(\(maxItems))") }
        if let minItems = constraints.minItems { rules.append(".minItems(\(minItems))") }
        if constraints.uniqueItems { rules.append(".uniqueItems") }
        if let maxProperties = constraints.maxProperties { rules.append(".maxProperties(\(maxProperties))") }
        if let minProperties = constraints.minProperties { rules.append(".minProperties(\(minProperties))") }
        if nested { rules.append(".nested") }
        return rules.isEmpty ? nil : "[" + rules.joined(separator: ", ") + "]"
    }

    /// A `Double` argument as Swift reads it: `1`, `0.5`, `1e+20`.
    private static func number(_ value: Double) -> String {
        ValueConstraints.number(value)
    }
}
