import SpecforgeDiagnostics
import SpecforgeParser

/// What the configuration file and flags can change about the intermediate model.
public struct ModelOptions: Sendable {
    /// The module the client is built as: what the reference pages' examples import.
    public var moduleName = "APIClient"
    /// Only operations with one of these tags (nil: all).
    public var includeTags: Set<String>?
    public var excludeTags: Set<String> = []
    /// Only operations whose path starts with one of these prefixes (nil: all).
    public var includePaths: [String]?
    public var excludePaths: [String] = []
    public var includeOperations: Set<String>?
    public var excludeOperations: Set<String> = []
    /// Schema name → Swift type name for the declared type.
    public var typeNameOverrides: [String: String] = [:]
    /// Schema name → an existing Swift type used instead of declaring one (e.g. `Date`).
    public var typeMappings: [String: String] = [:]
    /// operationId → method name.
    public var operationNameOverrides: [String: String] = [:]
    /// How the items of arrays in form bodies are named, unless the schema's `encoding` object
    /// or `formArrayStyles` says otherwise.
    public var formArrayStyle = FormEncodingModel.ArrayStyle.repeated
    /// `Schema.property` (schema name, property name on the wire) → how that property's items
    /// are named in form bodies; wins over the schema's `encoding` object.
    public var formArrayStyles: [String: FormEncodingModel.ArrayStyle] = [:]
    /// operationId → how its list is paged, when it is not detected (Django's body, a `Link`
    /// header): `pagination:` in the configuration.
    public var pagination: [String: PaginationOption] = [:]
    /// Security schemes the document lacks (`securitySchemes:` in the configuration), and the
    /// requirement of operations the document gives none (`security:`): for documents such as
    /// GitHub's, which declare no scheme although every call takes a token.
    public var extraSecuritySchemes: [(name: String, scheme: SecurityScheme)] = []
    public var defaultSecurity: [[String]]?
    /// How operations are grouped into `<Group>Api` types (`groups:`); nil chooses: by tag when
    /// the document tags its operations, else by path.
    public var grouping: Grouping?
    /// Where each name above was written in the configuration file: a name that matches
    /// nothing in the document is reported there (`ConfigNameCheck`).
    public var origins: [ConfigName] = []

    public init() {}

    var filtersOperations: Bool {
        includeTags != nil || !excludeTags.isEmpty || includePaths != nil || !excludePaths.isEmpty
            || includeOperations != nil || !excludeOperations.isEmpty
    }
}

/// `pagination: {events_list: {style: cursor, parameter: cursor, next: next_cursor, items: data}}`:
/// names on the wire, checked against the operation when the model is built.
public struct PaginationOption: Sendable {
    public var style: PaginationModel.Style
    /// The query parameter the position goes in (cursor and offset).
    public var parameter: String?
    /// The response body's properties: the items, the next cursor, the total.
    public var items: String?
    public var next: String?
    public var total: String?
    public var location: SourceLocation?
    public var pointer: String

    public init(
        style: PaginationModel.Style,
        parameter: String?,
        items: String?,
        next: String?,
        total: String?,
        location: SourceLocation?,
        pointer: String
    ) {
        self.style = style
        self.parameter = parameter
        self.items = items
        self.next = next
        self.total = total
        self.location = location
        self.pointer = pointer
    }
}

/// One name the configuration gives (a tag to include, a schema to rename, …) and where.
public struct ConfigName: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case includeTag = "include.tags"
        case excludeTag = "exclude.tags"
        case includePath = "include.paths"
        case excludePath = "exclude.paths"
        case includeOperation = "include.operations"
        case excludeOperation = "exclude.operations"
        case typeName = "names.types"
        case operationName = "names.operations"
        case typeMapping = "typeMappings"
        case formProperty = "forms.properties"
        case pagination = "pagination"
    }

    public var kind: Kind
    public var value: String
    public var location: SourceLocation?
    public var pointer: String

    public init(_ kind: Kind, _ value: String, at location: SourceLocation?, pointer: String) {
        self.kind = kind
        self.value = value
        self.location = location
        self.pointer = pointer
    }
}

/// How operations are grouped into API types.
public enum Grouping: Sendable, Equatable {
    /// By each operation's first tag (operations without one go to `default`).
    case tags
    /// By path: the longest of these prefixes that the path starts with names the group (`/users/@me` → `me`),
    /// otherwise its first segment that is not `api`, a version (`v9`) or a parameter
    /// (`/api/v9/channels/{id}/messages` → `channels`).
    case paths(prefixes: [(prefix: String, group: String)])

    public static func == (lhs: Grouping, rhs: Grouping) -> Bool {
        switch (lhs, rhs) {
        case (.tags, .tags): return true
        case (.paths(let left), .paths(let right)):
            return left.map(\.prefix) == right.map(\.prefix) && left.map(\.group) == right.map(\.group)
        default: return false
        }
    }
}
