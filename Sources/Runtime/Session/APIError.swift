import Foundation

/// Everything that can go wrong between building a request and decoding its response.
///
/// Descriptions are meant for logs: they never include request headers, so credentials
/// (authorization headers, API keys, cookies) cannot leak through them.
public enum APIError: Error, Sendable, CustomStringConvertible {
    /// The server answered with a status outside 2xx; the response carries status, headers and body.
    case status(HTTPResponse)
    /// The body did not match the expected model. `codingPath` names the field, such as
    /// `results[2].labels[0].name`, and `bodyExcerpt` holds the start of the body.
    case decoding(type: String, codingPath: String, message: String, bodyExcerpt: String)
    /// The request never produced a response: connection refused, DNS failure, TLS error, …
    /// (`failure.kind` says which, `failure.underlying` keeps the transport's own error).
    case transport(TransportFailure)
    /// The request did not complete within its timeout.
    case timeout
    /// The request could not be built from the given arguments.
    case invalidInput(String)
    /// A body was expected but the response had none, or it was not decoded.
    case missingBody

    /// The HTTP status of a `.status` error, `nil` for every other case.
    public var statusCode: Int? {
        if case .status(let response) = self {
            return response.status
        }
        return nil
    }

    /// The response of a `.status` error, `nil` for every other case.
    public var response: HTTPResponse? {
        if case .status(let response) = self {
            return response
        }
        return nil
    }

    public var isUnauthorized: Bool { statusCode == 401 }
    public var isForbidden: Bool { statusCode == 403 }
    public var isNotFound: Bool { statusCode == 404 }
    public var isServerError: Bool { statusCode.map { (500..<600).contains($0) } ?? false }

    /// The failure of a `.transport` error, `nil` for every other case.
    public var transportFailure: TransportFailure? {
        if case .transport(let failure) = self { return failure }
        return nil
    }

    /// A `.transport` error of `kind` that is no more than its message.
    public static func transport(_ kind: TransportFailure.Kind, _ message: String) -> APIError {
        .transport(TransportFailure(kind, message))
    }

    public var description: String {
        switch self {
        case .status(let response):
            let body = Self.excerpt(of: response.body)
            return "HTTP \(response.status)" + (body.isEmpty ? "" : ": \(body)")
        case .decoding(let type, let codingPath, let message, let bodyExcerpt):
            let field = codingPath.isEmpty ? "" : " at \(codingPath)"
            return "Cannot decode \(type)\(field): \(message). Body: \(bodyExcerpt)"
        case .transport(let failure):
            return "Transport error: \(failure.message)"
        case .timeout:
            return "The request timed out"
        case .invalidInput(let message):
            return "Invalid input: \(message)"
        case .missingBody:
            return "The response has no body to decode"
        }
    }
}

extension APIError: LocalizedError {
    // Lets `error.localizedDescription` show the same text instead of a generic message.
    public var errorDescription: String? { description }
}
