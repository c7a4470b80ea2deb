import Foundation

/// A value that can be sent as a path, query, header or cookie parameter.
///
/// Conforming types only say what shape they have; the parameter's OpenAPI `style` and
/// `explode` decide how that shape is spelled on the wire (see `ParameterSerializer`).
public protocol ParameterValue: Sendable {
    func parameterComponents() -> ParameterComponents
}

/// The shape of a parameter value, already converted to strings but not yet escaped.
public enum ParameterComponents: Sendable {
    /// A single value, such as `42` or `"cat"`.
    case primitive(String)
    /// An array, such as `[1, 2, 3]`.
    case list([String])
    /// An object's properties in order, such as `[("R", "100"), ("G", "200")]`.
    case object([(key: String, value: String)])

    /// The value spelled as a single string, for positions that cannot hold structure, such as an
    /// element of a list: lists and objects become comma-separated (`R,100,G,200`).
    public var flattened: String {
        switch self {
        case .primitive(let value):
            return value
        case .list(let values):
            return values.joined(separator: ",")
        case .object(let pairs):
            return pairs.flatMap { [$0.key, $0.value] }.joined(separator: ",")
        }
    }
}
