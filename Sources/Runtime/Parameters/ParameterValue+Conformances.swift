import Foundation

// The standard library and Foundation types that appear as parameter types in generated code.
// Scalars use the same spelling as in JSON, so a value reads the same in a query as in a body.

extension String: ParameterValue {
    public func parameterComponents() -> ParameterComponents { .primitive(self) }
}

extension Int: ParameterValue {
    public func parameterComponents() -> ParameterComponents { .primitive(String(self)) }
}

extension Int32: ParameterValue {
    public func parameterComponents() -> ParameterComponents { .primitive(String(self)) }
}

extension Int64: ParameterValue {
    public func parameterComponents() -> ParameterComponents { .primitive(String(self)) }
}

extension Double: ParameterValue {
    public func parameterComponents() -> ParameterComponents { .primitive(String(self)) }
}

extension Float: ParameterValue {
    public func parameterComponents() -> ParameterComponents { .primitive(String(self)) }
}

extension Bool: ParameterValue {
    public func parameterComponents() -> ParameterComponents { .primitive(self ? "true" : "false") }
}

extension Date: ParameterValue {
    /// UTC with milliseconds, as in JSON bodies: `2024-05-01T12:30:00.123Z`.
    public func parameterComponents() -> ParameterComponents {
        .primitive(InternetDateTime.string(from: self))
    }
}

extension UUID: ParameterValue {
    /// Lowercase, the canonical RFC 9562 form; `uuidString` is uppercase.
    public func parameterComponents() -> ParameterComponents { .primitive(uuidString.lowercased()) }
}

extension URL: ParameterValue {
    public func parameterComponents() -> ParameterComponents { .primitive(absoluteString) }
}

extension Data: ParameterValue {
    /// Base64, the OpenAPI `format: byte`.
    public func parameterComponents() -> ParameterComponents { .primitive(base64EncodedString()) }
}

/// An optional argument: `nil` leaves its parameter out of the request.
///
/// Generated operations pass their arguments as `[any ParameterValue]`, optionals included;
/// that array costs the compiler half the code of one of `(any ParameterValue)?`.
extension Optional: ParameterValue where Wrapped: ParameterValue {
    /// The wrapped value's components; `nil` on its own (never sent) is an empty value.
    public func parameterComponents() -> ParameterComponents {
        self?.parameterComponents() ?? .primitive("")
    }
}

/// Lets the request builder see through an `Optional` argument it only knows as
/// `any ParameterValue`.
protocol OptionalArgument {
    var wrappedArgument: (any ParameterValue)? { get }
}

extension Optional: OptionalArgument where Wrapped: ParameterValue {
    var wrappedArgument: (any ParameterValue)? {
        self
    }
}

extension Array: ParameterValue where Element: ParameterValue {
    public func parameterComponents() -> ParameterComponents {
        .list(map { $0.parameterComponents().flattened })
    }
}

extension Dictionary: ParameterValue where Key == String, Value: ParameterValue {
    /// Keys are sorted because dictionaries have no order and requests should be reproducible.
    public func parameterComponents() -> ParameterComponents {
        .object(sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.parameterComponents().flattened) })
    }
}

extension JSONValue: ParameterValue {
    public func parameterComponents() -> ParameterComponents {
        switch self {
        case .null: .primitive("")
        case .bool(let value): value.parameterComponents()
        case .int(let value): value.parameterComponents()
        case .double(let value): value.parameterComponents()
        case .string(let value): .primitive(value)
        case .array(let values): values.parameterComponents()
        case .object(let properties): properties.parameterComponents()
        }
    }
}
