/// The constraints of a schema that a generated client checks before sending a value: what a
/// model's `fields` and an endpoint's parameters carry, written as the schema spells them.
///
/// ```swift
/// ModelField("name", \.name, rules: [.maxLength(256), .minLength(1)])
/// ModelField("labels", \.labels, rules: [.nested])
/// .init("page_size", in: .query, type: "Int?", rules: [.minimum(1)])
/// ```
public struct ValueRules: Sendable, Hashable, ExpressibleByArrayLiteral {
    public var minimum: Double?
    public var exclusiveMinimum = false
    public var maximum: Double?
    public var exclusiveMaximum = false
    public var multipleOf: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: ECMAPattern?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems = false
    public var minProperties: Int?
    public var maxProperties: Int?
    /// The value holds models with rules of their own, which are checked too.
    public var nested = false

    public init(arrayLiteral rules: ValueRule...) {
        for rule in rules {
            switch rule {
            case .minimum(let bound): minimum = bound
            case .exclusiveMinimum(let bound): (minimum, exclusiveMinimum) = (bound, true)
            case .maximum(let bound): maximum = bound
            case .exclusiveMaximum(let bound): (maximum, exclusiveMaximum) = (bound, true)
            case .multipleOf(let factor): multipleOf = factor
            case .minLength(let count): minLength = count
            case .maxLength(let count): maxLength = count
            case .pattern(let source): pattern = ECMAPattern(source)
            case .minItems(let count): minItems = count
            case .maxItems(let count): maxItems = count
            case .uniqueItems: uniqueItems = true
            case .minProperties(let count): minProperties = count
            case .maxProperties(let count): maxProperties = count
            case .nested: nested = true
            }
        }
    }

    /// No rule at all: nothing to check.
    public var isEmpty: Bool { self == [] }

    /// Whether a value must be measured (as opposed to only searched for nested models).
    var measuresValue: Bool {
        var withoutNesting = self
        withoutNesting.nested = false
        return !withoutNesting.isEmpty
    }
}

/// One constraint, named as in JSON Schema.
public enum ValueRule: Sendable {
    case minimum(Double)
    case exclusiveMinimum(Double)
    case maximum(Double)
    case exclusiveMaximum(Double)
    case multipleOf(Double)
    case minLength(Int)
    case maxLength(Int)
    /// An ECMA 262 regular expression the value must contain a match of (it is not anchored
    /// unless it says `^…$`).
    case pattern(String)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minProperties(Int)
    case maxProperties(Int)
    /// Check the models the value holds against their own rules.
    case nested
}

/// The kinds of check, named as cvat-sdk's `disabled_client_side_validations` names them (JSON
/// Schema's keywords), for switching some off in `Configuration.disabledClientSideValidations`.
public enum ValidationCheck: String, Sendable, Hashable, CaseIterable {
    case multipleOf, maximum, exclusiveMaximum, minimum, exclusiveMinimum
    case maxLength, minLength, pattern
    case maxItems, minItems, uniqueItems
    case maxProperties, minProperties

    /// Parses cvat-sdk's comma-separated spelling, `"maxLength,pattern"`; throws
    /// `APIError.invalidInput` naming an unknown check.
    public static func parse(commaSeparated list: String) throws -> Set<ValidationCheck> {
        var checks: Set<ValidationCheck> = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let check = ValidationCheck(rawValue: name) else {
                let known = allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.invalidInput("Unknown client-side validation '\(name)'; known: \(known)")
            }
            checks.insert(check)
        }
        return checks
    }
}
