import Foundation

/// The outcome of a call: the decoded body, if any, along with the raw response.
public struct ApiResponse<Value: Sendable>: Sendable {
    /// The decoded body; `nil` when `parseResponse` was off, the status has no body of the
    /// operation's return type (such as a `202 Accepted` of an operation returning a model),
    /// the body was empty, or it was downloaded to a file.
    public let data: Value?
    public let response: HTTPResponse

    public init(data: Value?, response: HTTPResponse) {
        self.data = data
        self.response = response
    }

    public var status: Int {
        response.status
    }

    public var headers: HTTPHeaders {
        response.headers
    }

    /// The decoded body, for callers that expect one.
    public func body() throws -> Value {
        guard let data else {
            throw APIError.missingBody
        }
        return data
    }

    /// Decodes the raw body as another type, for statuses whose body differs from the operation's
    /// return type (a request id on `202`, an error model on `400`).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard let value = try ResponseBodyDecoder.decode(type, from: response) else {
            throw APIError.missingBody
        }
        return value
    }
}
