import Foundation

/// Sends the requests of a generated client: builds them from endpoint descriptions, applies
/// credentials and cookies, and decodes responses. One session can serve many concurrent calls.
public final class APISession: Sendable {
    public let securitySchemes: [SecuritySchemeSpec]
    public let transport: any HTTPTransport
    private let schemesByName: [String: SecuritySchemeSpec]
    private let currentConfiguration: Locked<Configuration>
    private let jar = CookieJar()

    public init(
        configuration: Configuration,
        securitySchemes: [SecuritySchemeSpec],
        transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.currentConfiguration = Locked(configuration)
        self.securitySchemes = securitySchemes
        self.schemesByName = Dictionary(securitySchemes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.transport = transport
    }

    public var configuration: Configuration {
        currentConfiguration.current
    }

    /// Changes the configuration for subsequent requests, for example to store a token obtained
    /// by logging in. Requests already under way keep the configuration they started with.
    public func updateConfiguration(_ update: (inout Configuration) -> Void) {
        currentConfiguration.withLock(update)
    }

    // MARK: Cookies

    /// The cookies the server has set so far, without those from `Configuration.cookies`.
    public var cookies: [String: String] {
        jar.all
    }

    public func cookie(named name: String) -> String? {
        jar[name]
    }

    public func setCookie(_ name: String, _ value: String) {
        jar.set(name, value)
    }

    public func removeCookie(named name: String) {
        jar.remove(name)
    }

    public func clearCookies() {
        jar.removeAll()
    }

    // MARK: Sending

    /// Calls `endpoint` and decodes the body of a primary response as `Value`.
    ///
    /// - Parameters:
    ///   - arguments: One per `endpoint.parameters` entry, in the same order; an optional
    ///     that is `nil` leaves the parameter out.
    ///   - body: The request body, encoded as `options.contentType` or the endpoint's first
    ///     request media type.
    public func send<Value: Decodable & Sendable>(
        _ endpoint: Endpoint,
        _ arguments: [any ParameterValue],
        body: (any Encodable & Sendable)? = nil,
        options: RequestOptions
    ) async throws -> ApiResponse<Value> {
        let response = try await perform(endpoint, arguments, body: body, options: options)
        guard options.parseResponse, options.downloadTo == nil,
            let declared = endpoint.response(for: response.status), declared.isPrimary
        else {
            return ApiResponse(data: nil, response: response)
        }
        let value = try ResponseBodyDecoder.decode(
            Value.self,
            from: response,
            declaredContentType: declared.contentType
        )
        return ApiResponse(data: value, response: response)
    }

    /// Calls an event-stream operation: returns once the response head is in, with the events
    /// to read as the server sends them (unless `options` turn parsing off or download the body
    /// to a file).
    public func events(
        _ endpoint: Endpoint,
        _ arguments: [any ParameterValue],
        body: (any Encodable & Sendable)? = nil,
        options: RequestOptions
    ) async throws -> ApiResponse<ServerSentEvents> {
        guard options.parseResponse, options.downloadTo == nil else {
            return ApiResponse(
                data: nil,
                response: try await perform(endpoint, arguments, body: body, options: options)
            )
        }
        let (response, events) = try await openEventStream(endpoint, arguments, body: body, options: options)
        return ApiResponse(data: events, response: response)
    }

    /// Calls an endpoint whose responses carry no body of interest.
    public func send(
        _ endpoint: Endpoint,
        _ arguments: [any ParameterValue],
        body: (any Encodable & Sendable)? = nil,
        options: RequestOptions
    ) async throws -> ApiResponse<Void> {
        let response = try await perform(endpoint, arguments, body: body, options: options)
        return ApiResponse(data: (), response: response)
    }

    private func perform(
        _ endpoint: Endpoint,
        _ arguments: [any ParameterValue],
        body: (any Encodable & Sendable)?,
        options: RequestOptions
    ) async throws -> HTTPResponse {
        let (request, configuration) = try build(endpoint, arguments, body: body, options: options)
        return try await execute(
            request,
            operationId: endpoint.id,
            configuration: configuration,
            timeout: options.timeout ?? configuration.timeout,
            downloadTo: options.downloadTo,
            checkStatus: options.checkStatus
        )
    }

    /// The request for a call, with the configuration it was built from (one snapshot, so that a
    /// concurrent `updateConfiguration` cannot mix two).
    private func build(
        _ endpoint: Endpoint,
        _ arguments: [any ParameterValue],
        body: (any Encodable & Sendable)?,
        options: RequestOptions
    ) throws -> (HTTPRequest, Configuration) {
        let configuration = configuration
        if let problem = configuration.unsendableCredentials(with: securitySchemes) {
            throw APIError.invalidInput(problem)
        }
        if configuration.clientSideValidation {
            try RequestValidation(endpoint: endpoint, disabled: configuration.disabledClientSideValidations)
                .validate(arguments, body: body)
        }
        let request = try requestBuilder(configuration).request(
            for: endpoint,
            arguments: arguments,
            body: body,
            options: options
        )
        return (request, configuration)
    }

    /// Sends the request of an event-stream operation and returns once the response head is in:
    /// the events are read as the server sends them. An error status still throws, with the
    /// body read whole.
    private func openEventStream(
        _ endpoint: Endpoint,
        _ arguments: [any ParameterValue],
        body: (any Encodable & Sendable)?,
        options: RequestOptions
    ) async throws -> (HTTPResponse, ServerSentEvents?) {
        let (request, configuration) = try build(endpoint, arguments, body: body, options: options)
        let timeout = options.timeout ?? configuration.timeout
        // The chain passes heads only; the body of the attempt that got through is kept here.
        let streams = Locked<ResponseBodyStream?>(nil)
        let send = chain(configuration, operationId: endpoint.id, timeout: timeout) { [transport] request in
            let (head, stream) = try await transport.stream(request, timeout: timeout)
            streams.withLock { $0 = stream }
            return head
        }
        let head = try await send(request)
        guard let stream = streams.withLock({ $0 }) else {
            // A middleware answered without calling the transport.
            return (head, head.body.isEmpty ? nil : ServerSentEvents(body: ResponseBodyStream(data: head.body)))
        }
        jar.update(from: head)
        guard head.isSuccess || !options.checkStatus else {
            // At most 1 MB of it: an error answered with a stream that never ends must still
            // end the call (leaving the loop drops the stream, which closes the connection).
            var errorBody = Data()
            for try await chunk in stream {
                errorBody += chunk
                if errorBody.count >= 1 << 20 { break }
            }
            throw APIError.status(HTTPResponse(status: head.status, headers: head.headers, body: errorBody))
        }
        guard let declared = endpoint.response(for: head.status), declared.isPrimary else {
            return (head, nil)
        }
        return (head, ServerSentEvents(body: stream))
    }

    /// Sends a built request through the middleware and the retry policy, records the cookies
    /// it sets and checks its status.
    func execute(
        _ request: HTTPRequest,
        operationId: String,
        configuration: Configuration,
        timeout: Duration?,
        downloadTo destination: URL? = nil,
        checkStatus: Bool = true
    ) async throws -> HTTPResponse {
        let send = chain(configuration, operationId: operationId, timeout: timeout) { [transport] request in
            if let destination {
                return try await transport.download(request, to: destination, timeout: timeout)
            }
            return try await transport.send(request, timeout: timeout)
        }
        var response = try await send(request)
        // Failed responses set cookies too, for example a refreshed CSRF token.
        jar.update(from: response)

        guard checkStatus, !response.isSuccess else {
            return response
        }
        if let destination {
            // The error body went to the destination file; move it into the error, where the
            // caller will look, rather than leave an error page where the download should be.
            let body = (try? Data(contentsOf: destination)) ?? Data()
            try? FileManager.default.removeItem(at: destination)
            response = HTTPResponse(status: response.status, headers: response.headers, body: body)
        }
        throw APIError.status(response)
    }

    /// The configuration's middleware around its retry policy around `terminal`.
    private func chain(
        _ configuration: Configuration,
        operationId: String,
        timeout: Duration?,
        terminal: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) -> @Sendable (HTTPRequest) async throws -> HTTPResponse {
        var middlewares = configuration.middlewares
        if configuration.retryPolicy.maxRetries > 0 {
            middlewares.append(RetryMiddleware(policy: configuration.retryPolicy))
        }
        if middlewares.isEmpty { return terminal }
        return middlewares.wrapping(terminal, context: MiddlewareContext(operationId: operationId, timeout: timeout))
    }

    func requestBuilder(_ configuration: Configuration) -> RequestBuilder {
        RequestBuilder(configuration: configuration, securitySchemes: schemesByName, storedCookies: jar.all)
    }
}
