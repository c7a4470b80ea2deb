import Foundation

/// Builds the `HTTPRequest` for a call from the endpoint description, the arguments, the
/// configuration and the cookies the session holds.
struct RequestBuilder {
    let configuration: Configuration
    let securitySchemes: [String: SecuritySchemeSpec]
    /// A snapshot of the session's cookie jar.
    let storedCookies: [String: String]

    /// The cookie Django (and other frameworks) use for CSRF protection.
    static let csrfCookie = "csrftoken"
    static let csrfHeader = "X-CSRFToken"

    func request(
        for endpoint: Endpoint,
        arguments: [any ParameterValue],
        body: (any Encodable & Sendable)?,
        options: RequestOptions
    ) throws -> HTTPRequest {
        guard arguments.count == endpoint.parameters.count else {
            throw APIError.invalidInput(
                "\(endpoint.id) takes \(endpoint.parameters.count) parameters, got \(arguments.count)"
            )
        }
        var draft = RequestDraft()
        // Default headers first, so header parameters of the call can replace them.
        applyCommonHeaders(for: endpoint, to: &draft)
        var path = endpoint.path
        var parameterCookies: [(name: String, value: String)] = []
        for (parameter, argument) in zip(endpoint.parameters, arguments) {
            guard let argument = Self.present(argument) else {
                if parameter.location == .path {
                    throw APIError.invalidInput("\(endpoint.id) requires the path parameter '\(parameter.name)'")
                }
                continue
            }
            let value = argument.parameterComponents()
            switch parameter.location {
            case .path:
                let text = ParameterSerializer.pathValue(
                    value,
                    name: parameter.name,
                    style: parameter.style,
                    explode: parameter.explode
                )
                path = path.replacingOccurrences(of: "{\(parameter.name)}", with: text)
            case .query:
                draft.queryItems += ParameterSerializer.queryItems(
                    value,
                    name: parameter.name,
                    style: parameter.style,
                    explode: parameter.explode
                )
            case .header:
                draft.headers.set(parameter.name, ParameterSerializer.headerValue(value, explode: parameter.explode))
            case .cookie:
                parameterCookies.append((parameter.name, ParameterSerializer.cookieValue(value)))
            }
        }

        applyCredentials(for: endpoint, method: endpoint.method, parameterCookies: parameterCookies, to: &draft)
        var bodyData: HTTPBody?
        if let body {
            let encoded = try RequestBodyEncoder.encode(
                body,
                as: options.contentType ?? endpoint.requestContentTypes.first,
                formEncoding: endpoint.formEncoding
            )
            bodyData = encoded.body
            bodyData?.progress = options.uploadProgress
            draft.headers.set("Content-Type", encoded.contentType)
        }
        for (name, value) in options.headers.sorted(by: { $0.key < $1.key }) {
            draft.headers.set(name, value)
        }
        let url = try endpointURL(path: path, queryItems: draft.queryItems)
        return HTTPRequest(method: endpoint.method, url: url, headers: draft.headers, body: bodyData)
    }

    /// The argument, or `nil` when it is an optional that holds nothing (at any depth).
    static func present(_ argument: any ParameterValue) -> (any ParameterValue)? {
        guard let optional = argument as? any OptionalArgument else { return argument }
        return optional.wrappedArgument.flatMap(present)
    }

    /// A GET of a URL the server handed out, such as the `next` link of a paginated list, with
    /// the same headers and credentials as a call of `endpoint`.
    func request(absoluteURL url: URL, for endpoint: Endpoint) throws -> HTTPRequest {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
            throw APIError.invalidInput("Cannot parse the URL of the path \(url.path)")
        }
        var draft = RequestDraft()
        draft.queryItems = components.percentEncodedQuery?.split(separator: "&").map(String.init) ?? []
        applyCommonHeaders(for: endpoint, to: &draft)
        applyCredentials(for: endpoint, method: .get, parameterCookies: [], to: &draft)
        components.percentEncodedQuery = draft.queryItems.isEmpty ? nil : draft.queryItems.joined(separator: "&")
        guard let requestURL = components.url else {
            throw APIError.invalidInput("Cannot build a request for the path \(url.path)")
        }
        return HTTPRequest(method: .get, url: requestURL, headers: draft.headers)
    }

    /// Default headers, then an `Accept` listing what the endpoint can answer with.
    private func applyCommonHeaders(for endpoint: Endpoint, to draft: inout RequestDraft) {
        for (name, value) in configuration.defaultHeaders.sorted(by: { $0.key < $1.key }) {
            draft.headers.set(name, value)
        }
        var accepted: [String] = []
        for case let contentType? in endpoint.responses.map(\.contentType) where !accepted.contains(contentType) {
            accepted.append(contentType)
        }
        if !accepted.isEmpty {
            draft.headers.setIfAbsent("Accept", accepted.joined(separator: ", "))
        }
    }

    /// Cookies, authentication and CSRF protection. Cookies take precedence in this order:
    /// configured, then the jar (the server's latest word), then API keys, then cookie parameters.
    private func applyCredentials(
        for endpoint: Endpoint,
        method: HTTPMethod,
        parameterCookies: [(name: String, value: String)],
        to draft: inout RequestDraft
    ) {
        for (name, value) in configuration.cookies.sorted(by: { $0.key < $1.key }) {
            draft.setCookie(name, value)
        }
        for (name, value) in storedCookies.sorted(by: { $0.key < $1.key }) {
            draft.setCookie(name, value)
        }
        Authentication(configuration: configuration, schemes: securitySchemes).apply(endpoint.security, to: &draft)
        for cookie in parameterCookies {
            draft.setCookie(cookie.name, cookie.value)
        }

        // Django rejects unsafe requests of cookie-authenticated sessions unless the CSRF token
        // is echoed in a header and the Origin matches the host.
        if method.isUnsafe, let token = draft.cookies.last(where: { $0.name == Self.csrfCookie })?.value {
            draft.headers.set(Self.csrfHeader, token)
            if let origin = Self.origin(of: configuration.host) {
                draft.headers.setIfAbsent("Origin", origin)
            }
        }
        if let cookieHeader = draft.cookieHeader {
            draft.headers.set("Cookie", cookieHeader)
        }
    }

    /// The host URL, without a trailing slash, followed by the path and the query.
    private func endpointURL(path: String, queryItems: [String]) throws -> URL {
        if let range = path.range(of: #"\{[^}]*\}"#, options: .regularExpression) {
            throw APIError.invalidInput("No value for the path parameter \(path[range])")
        }
        var base = configuration.host.absoluteString
        while base.hasSuffix("/") {
            base.removeLast()
        }
        var string = base + (path.hasPrefix("/") ? path : "/" + path)
        if !queryItems.isEmpty {
            string += "?" + queryItems.joined(separator: "&")
        }
        guard let url = URL(string: string) else {
            // Not the URL itself: its query may hold an API key.
            throw APIError.invalidInput("Cannot build a URL for the path \(path)")
        }
        return url
    }

    /// `scheme://host[:port]`, as browsers send it in the `Origin` header.
    static func origin(of url: URL) -> String? {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            let scheme = components.scheme, let host = components.host
        else { return nil }
        let bracketedHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(scheme)://\(bracketedHost)" + (components.port.map { ":\($0)" } ?? "")
    }
}
