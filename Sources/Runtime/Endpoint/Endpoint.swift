/// What the generator knows about one operation, emitted as a `static let` next to its method.
///
/// The session builds every request from this description, so generated methods stay one line.
public struct Endpoint: Sendable, Hashable {
    /// The `operationId`.
    public let id: String
    public let method: HTTPMethod
    /// The path template, such as `/api/tasks/{id}`.
    public let path: String
    /// In declaration order; the arguments of `APISession.send` line up with these.
    public let parameters: [Parameter]
    /// The request body's media types in schema order; the first is the default.
    public let requestContentTypes: [String]
    /// How a form request body (multipart or URL-encoded) spells its fields.
    public let formEncoding: FormEncoding
    public let responses: [Response]
    /// Alternatives of security scheme names that must be used together. `[]` means the operation
    /// needs no authentication; an empty alternative means anonymous access is allowed.
    public let security: [[String]]

    public init(
        id: String,
        method: HTTPMethod,
        path: String,
        parameters: [Parameter] = [],
        requestContentTypes: [String] = [],
        formEncoding: FormEncoding = .standard,
        responses: [Response] = [],
        security: [[String]] = []
    ) {
        self.id = id
        self.method = method
        self.path = path
        self.parameters = parameters
        self.requestContentTypes = requestContentTypes
        self.formEncoding = formEncoding
        self.responses = responses
        self.security = security
    }

    /// The response declared for `status`: the exact code, else its range (`2XX`), else `default`.
    public func response(for status: Int) -> Response? {
        Self.declaredStatus(matching: status, among: responses.map(\.status)).flatMap { match in
            responses.first { $0.status == match }
        }
    }

    /// Which of `statuses` (`"404"`, `"4XX"`, `"default"`) answers `status`: the exact code,
    /// else its range, else `default`, as OpenAPI says.
    public static func declaredStatus(matching status: Int, among statuses: [String]) -> String? {
        let exact = String(status)
        let range = "\(status / 100)XX"
        return statuses.first { $0 == exact } ?? statuses.first { $0.uppercased() == range }
            ?? statuses.first { $0 == "default" }
    }
}

extension Endpoint {
    /// This endpoint with its success responses read as the event stream it also declares
    /// (`text/event-stream`): what an operation's `…Stream` method sends, with that type first
    /// in `Accept`.
    public func streaming(contentType: String = "text/event-stream") -> Endpoint {
        Endpoint(
            id: id,
            method: method,
            path: path,
            parameters: parameters,
            requestContentTypes: requestContentTypes,
            formEncoding: formEncoding,
            responses: responses.map { response in
                guard response.status.hasPrefix("2") else { return response }
                return Response(response.status, contentType: contentType, type: ServerSentEvents.self, isPrimary: true)
            },
            security: security
        )
    }
}

extension Endpoint {
    public struct Parameter: Sendable, Hashable {
        public enum Location: String, Sendable {
            case path, query, header, cookie
        }

        /// OpenAPI serialisation styles (OpenAPI 3.1, "Style Values").
        public enum Style: String, Sendable {
            case form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject
        }

        public let name: String
        public let location: Location
        /// The argument's Swift type; for documentation and debugging.
        public let type: any Any.Type
        public let required: Bool
        public let style: Style
        public let explode: Bool
        /// The schema's constraints, checked before the request is sent.
        public let rules: ValueRules

        /// `style` and `explode` default as in OpenAPI: `form` with explode for query and cookie
        /// parameters, `simple` without explode for path and header parameters.
        public init(
            _ name: String,
            in location: Location,
            type: any Any.Type,
            required: Bool = false,
            style: Style? = nil,
            explode: Bool? = nil,
            rules: ValueRules = []
        ) {
            let defaultStyle: Style = location == .query || location == .cookie ? .form : .simple
            let resolvedStyle = style ?? defaultStyle
            self.name = name
            self.location = location
            self.type = type
            self.required = required
            self.style = resolvedStyle
            self.explode = explode ?? (resolvedStyle == .form)
            self.rules = rules
        }
    }

    public struct Response: Sendable, Hashable {
        /// `"200"`, a range such as `"2XX"`, or `"default"`.
        public let status: String
        /// `nil` when the response has no body.
        public let contentType: String?
        /// The Swift type of the body; for documentation.
        public let type: (any Any.Type)?
        /// Whether the body decodes as the operation's declared return type.
        public let isPrimary: Bool

        public init(
            _ status: String,
            contentType: String? = nil,
            type: (any Any.Type)? = nil,
            isPrimary: Bool = false
        ) {
            self.status = status
            self.contentType = contentType
            self.type = type
            self.isPrimary = isPrimary
        }
    }
}

// Metatypes are neither `Equatable` nor `Hashable`: parameters and responses compare their
// types by identity.

extension Endpoint.Parameter {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.location == rhs.location && lhs.type == rhs.type && lhs.required == rhs.required
            && lhs.style == rhs.style && lhs.explode == rhs.explode && lhs.rules == rhs.rules
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(location)
        hasher.combine(ObjectIdentifier(type))
    }
}

extension Endpoint.Response {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.status == rhs.status && lhs.contentType == rhs.contentType && lhs.isPrimary == rhs.isPrimary
            && lhs.type.map(ObjectIdentifier.init) == rhs.type.map(ObjectIdentifier.init)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        hasher.combine(contentType)
        hasher.combine(type.map(ObjectIdentifier.init))
    }
}
