import Foundation

/// A schema model of a generated client: a struct for objects (an `APIObject`), an enum for
/// `oneOf`/`anyOf`.
public protocol APIModel: Codable, Hashable, Sendable, ParameterValue {}

extension APIModel {
    /// Builds the model from a plain JSON value as produced by `JSONSerialization`
    /// (`[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull`, ...).
    public init(jsonObject: Any) throws {
        // Going through `JSONValue` instead of `JSONSerialization.data(withJSONObject:)` also
        // accepts top-level fragments and reports bad input as an error rather than an
        // Objective-C exception.
        let value = try JSONValue(any: jsonObject)
        try self.init(jsonData: JSONCoding.encode(value))
    }

    /// Decodes the model from JSON bytes with the runtime's date handling.
    public init(jsonData: Data) throws {
        self = try JSONCoding.decode(Self.self, from: jsonData)
    }

    /// The model encoded as JSON, exactly as it would be sent in a request body.
    public func jsonData() throws -> Data {
        try JSONCoding.encode(self)
    }

    /// The model as a plain JSON value (`[String: Any]` for objects), for APIs that take one.
    public func jsonObject() throws -> Any {
        try JSONSerialization.jsonObject(with: jsonData(), options: [.fragmentsAllowed])
    }

    /// A model used as a query, header or cookie parameter (`style: form` or `deepObject`)
    /// serialises as its JSON properties, keys sorted.
    public func parameterComponents() -> ParameterComponents {
        guard let data = try? jsonData(), let value = try? JSONCoding.decode(JSONValue.self, from: data) else {
            return .primitive("")
        }
        return value.parameterComponents()
    }
}
