import Foundation

extension APIError {
    /// Which of `statuses` (an operation's declared responses: `"404"`, `"4XX"`, `"default"`)
    /// a `.status` error answers: the exact code, else its range, else `default`; `nil` for
    /// any other error. What a generated `<Method>Error` switches on.
    public func declaredStatus(among statuses: [String]) -> String? {
        statusCode.flatMap { Endpoint.declaredStatus(matching: $0, among: statuses) }
    }

    /// The body decoded as `type` when this error answers `status` among the operation's
    /// declared `statuses` (see `declaredStatus(among:)`): what a generated `<Method>Error` is
    /// built from, one call per case (a `switch` on strings took longer to compile).
    public func decodedBody<Body: Decodable>(
        as type: Body.Type,
        ifDeclaredStatus status: String,
        among statuses: [String]
    ) -> Body? {
        declaredStatus(among: statuses) == status ? decodedBody(as: type) : nil
    }

    /// The body of a `.status` error decoded as `type`, as a success body would be; `nil` for
    /// other errors, an empty body, or one that does not decode (`response.body` still has
    /// the bytes).
    public func decodedBody<Body: Decodable>(as type: Body.Type) -> Body? {
        guard let response else { return nil }
        return (try? ResponseBodyDecoder.decode(type, from: response)) ?? nil
    }
}
