import Foundation

/// A string or integer enum from the API schema that keeps values it does not know.
///
/// Servers add enum cases over time; a closed Swift enum would make every response carrying a
/// new value fail to decode. Generated open enums are structs wrapping the raw value, with a
/// static constant per known case and `allCases` listing them:
///
/// ```swift
/// public struct ShapeType: OpenEnum {
///     public let rawValue: String
///     public init(rawValue: String) { self.rawValue = rawValue }
///     public static let rectangle = ShapeType(rawValue: "rectangle")
///     public static let allCases: [ShapeType] = [.rectangle]
/// }
/// ```
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, ParameterValue, CaseIterable,
    CustomStringConvertible
where RawValue: Codable & Hashable & Sendable & ParameterValue {
    /// Wraps any raw value; unlike `RawRepresentable`'s initialiser this one cannot fail.
    init(rawValue: RawValue)
}

extension OpenEnum {
    /// Decodes the bare raw value, accepting values missing from `allCases`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(RawValue.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public func parameterComponents() -> ParameterComponents {
        rawValue.parameterComponents()
    }

    public var description: String {
        String(describing: rawValue)
    }

    /// Whether the value is one the client was generated with, as opposed to one the server
    /// introduced later.
    public var isKnown: Bool {
        Self.allCases.contains(self)
    }
}
