import Foundation

extension APISession {
    /// Every item of a paginated list, fetching pages as the sequence is iterated.
    ///
    /// ```swift
    /// for try await task in session.paginate(TasksAPI.listEndpoint, { try await tasks.list(pageSize: 100) }) {
    ///     print(task.name)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - endpoint: The list operation; its security requirements apply to the following pages.
    ///   - first: Fetches the first page, with whatever filters the caller wants.
    public func paginate<Page: PaginatedList>(
        _ endpoint: Endpoint,
        _ first: @escaping @Sendable () async throws -> ApiResponse<Page>
    ) -> PageSequence<Page> {
        PageSequence(session: self, endpoint: endpoint) {
            try await first().body()
        }
    }

    /// GETs a URL the server handed out, such as a `next` link, with the headers, cookies and
    /// credentials a call of `endpoint` would carry, and decodes the body as `T`.
    ///
    /// Relative URLs are resolved against the configured host. Credentials are only sent to the
    /// configured host: a link to another one fails with `APIError.invalidInput`.
    public func get<T: Decodable & Sendable>(absoluteURL url: URL, endpoint: Endpoint) async throws -> T {
        try await response(absoluteURL: url, endpoint: endpoint).body()
    }

    /// `get(absoluteURL:endpoint:)` with the whole response: for pages linked by a `Link`
    /// header, which the next page is read from.
    public func response<T: Decodable & Sendable>(absoluteURL url: URL, endpoint: Endpoint) async throws
        -> ApiResponse<T>
    {
        let (request, configuration) = try serverProvidedRequest(url, endpoint: endpoint)
        let response = try await execute(
            request,
            operationId: endpoint.id,
            configuration: configuration,
            timeout: configuration.timeout
        )
        return ApiResponse(data: try ResponseBodyDecoder.decode(T.self, from: response), response: response)
    }

    /// Downloads a URL the server handed out (such as the `result_url` of a finished export)
    /// straight into `destination`, without holding the body in memory. Same credentials and
    /// host rule as `get(absoluteURL:endpoint:)`.
    @discardableResult
    public func download(
        absoluteURL url: URL,
        endpoint: Endpoint,
        to destination: URL,
        options: RequestOptions = RequestOptions()
    ) async throws -> HTTPResponse {
        let (request, configuration) = try serverProvidedRequest(url, endpoint: endpoint)
        return try await execute(
            request,
            operationId: endpoint.id,
            configuration: configuration,
            timeout: options.timeout ?? configuration.timeout,
            downloadTo: destination,
            checkStatus: options.checkStatus
        )
    }

    private func serverProvidedRequest(_ url: URL, endpoint: Endpoint) throws -> (HTTPRequest, Configuration) {
        let configuration = configuration
        let resolved = URL(string: url.absoluteString, relativeTo: configuration.host)?.absoluteURL ?? url
        guard resolved.host?.lowercased() == configuration.host.host?.lowercased() else {
            throw APIError.invalidInput(
                "Refusing to send credentials to \(resolved.host ?? "an unknown host"), which is not the configured host"
            )
        }
        return (try requestBuilder(configuration).request(absoluteURL: resolved, for: endpoint), configuration)
    }
}
