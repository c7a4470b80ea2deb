/// How much a change matters to a client of the API, and to code written against the
/// generated Swift client.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    /// Existing calls or reads fail: at run time (the server rejects them, a value is gone) or
    /// at compile time (a Swift symbol disappears or changes its signature).
    case breaking
    /// Existing code keeps compiling and working, but may behave differently.
    case warning
    /// Nothing existing changes.
    case info

    private var rank: Int {
        switch self {
        case .breaking: 0
        case .warning: 1
        case .info: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// One kind of change `specforge diff` reports: a stable id, its severity, and why.
///
/// The ids are an interface (CI gates and scripts match on them): a rule's id never changes
/// meaning. The catalogue is printed in the README and checked against it by a test.
public struct DiffRule: Sendable, Hashable {
    public let id: String
    public let severity: Severity
    public let explanation: String

    init(_ id: String, _ severity: Severity, _ explanation: String) {
        self.id = id
        self.severity = severity
        self.explanation = explanation
    }
}

extension DiffRule {
    // Operations
    static let operationAdded = DiffRule("operation-added", .info, "A new operation; a new method on its API group.")
    static let operationRemoved = DiffRule(
        "operation-removed",
        .breaking,
        "The server no longer offers it; its Swift method is gone."
    )
    static let operationDeprecated = DiffRule(
        "operation-deprecated",
        .warning,
        "The operation is deprecated and may be removed later."
    )
    static let operationIdChanged = DiffRule(
        "operation-id-changed",
        .breaking,
        "The operationId changed, and with it the Swift method's name."
    )

    // Parameters
    static let requiredParameterAdded = DiffRule(
        "parameter-added-required",
        .breaking,
        "Calls without the new required parameter fail; the Swift method gains an argument without a default."
    )
    static let optionalParameterAdded = DiffRule(
        "parameter-added-optional",
        .info,
        "A new optional parameter; the Swift method gains an argument with a default (calls still compile)."
    )
    static let parameterRemoved = DiffRule(
        "parameter-removed",
        .breaking,
        "The parameter is gone; calls passing it no longer compile."
    )
    static let parameterBecameRequired = DiffRule(
        "parameter-became-required",
        .breaking,
        "Calls that leave the parameter out fail; its Swift argument loses its default."
    )
    static let parameterBecameOptional = DiffRule(
        "parameter-became-optional",
        .info,
        "The parameter may now be left out; its Swift argument gets a default."
    )
    static let parameterTypeChanged = DiffRule(
        "parameter-type-changed",
        .breaking,
        "The parameter's type changed; so does its Swift argument's type."
    )
    static let parameterRenamed = DiffRule(
        "parameter-renamed",
        .breaking,
        "A path parameter has a new name: the request is the same, but its Swift argument label changed."
    )
    static let parameterMoved = DiffRule(
        "parameter-location-changed",
        .warning,
        "The parameter is sent elsewhere (path, query, header, cookie); calls compile, the request changes."
    )
    static let parameterStyleChanged = DiffRule(
        "parameter-style-changed",
        .warning,
        "The parameter is serialised another way (style, explode); calls compile, the request changes."
    )
    static let parameterDefaultChanged = DiffRule(
        "parameter-default-changed",
        .warning,
        "Calls that leave the parameter out now get another value from the server."
    )
    static let parameterDeprecated = DiffRule(
        "parameter-deprecated",
        .warning,
        "The parameter is deprecated and may be removed later."
    )

    // Request bodies
    static let requestBodyAdded = DiffRule(
        "request-body-added",
        .breaking,
        "The operation now takes a request body; the Swift method gains an argument."
    )
    static let optionalRequestBodyAdded = DiffRule(
        "request-body-added-optional",
        .info,
        "The operation now takes an optional request body; its Swift argument has a default."
    )
    static let requestBodyRemoved = DiffRule(
        "request-body-removed",
        .breaking,
        "The operation takes no request body any more; the Swift argument is gone."
    )
    static let requestBodyBecameRequired = DiffRule(
        "request-body-became-required",
        .breaking,
        "Calls without a body fail; the Swift argument loses its default."
    )
    static let requestBodyTypeChanged = DiffRule(
        "request-body-type-changed",
        .breaking,
        "The request body is another type."
    )
    static let requestContentTypeAdded = DiffRule(
        "request-content-type-added",
        .info,
        "The request body may also be sent as this media type."
    )
    static let requestContentTypeRemoved = DiffRule(
        "request-content-type-removed",
        .breaking,
        "The server no longer reads the request body in this media type."
    )

    // Responses
    static let responseAdded = DiffRule("response-added", .info, "A new response status.")
    static let responseRemoved = DiffRule(
        "response-removed",
        .warning,
        "The server no longer answers with this status."
    )
    static let responseTypeChanged = DiffRule(
        "response-type-changed",
        .breaking,
        "The response body is another type; code reading it no longer compiles."
    )
    static let responseContentTypeChanged = DiffRule(
        "response-content-type-changed",
        .warning,
        "The response body comes in another media type."
    )

    // Types
    static let typeAdded = DiffRule("type-added", .info, "A new model, enum or union.")
    static let typeRemoved = DiffRule("type-removed", .breaking, "The Swift type is gone.")
    static let typeKindChanged = DiffRule(
        "type-kind-changed",
        .breaking,
        "The type changed kind (object, enum, union, alias)."
    )
    static let typeRenamed = DiffRule(
        "type-renamed",
        .breaking,
        "The same type under a new name (drf-spectacular's hashed enum names change often); code naming it no longer compiles."
    )
    static let requiredRequestPropertyAdded = DiffRule(
        "request-property-added-required",
        .breaking,
        "Requests without the new required property fail; the model's initialiser gains an argument without a default."
    )
    static let optionalRequestPropertyAdded = DiffRule(
        "request-property-added-optional",
        .info,
        "A new optional property in a request model; its initialiser argument has a default."
    )
    static let responsePropertyAdded = DiffRule(
        "response-property-added",
        .info,
        "A new property in a response model; older clients ignore it."
    )
    static let propertyRemoved = DiffRule(
        "property-removed",
        .breaking,
        "The property is gone from the model; code reading or setting it no longer compiles."
    )
    static let propertyTypeChanged = DiffRule(
        "property-type-changed",
        .breaking,
        "The property's type changed, and its Swift type with it."
    )
    static let propertyBecameRequired = DiffRule(
        "property-became-required",
        .breaking,
        "The property must now be sent (request) or is always there (response): its Swift type loses an optional."
    )
    static let propertyBecameOptional = DiffRule(
        "property-became-optional",
        .breaking,
        "The property may now be missing: its Swift type becomes optional, and readers must unwrap it."
    )
    static let requestPropertyBecameOptional = DiffRule(
        "request-property-became-optional",
        .info,
        "A property of a model only sent in requests may now be left out; its initialiser argument gets a default."
    )
    static let propertyNullableChanged = DiffRule(
        "property-nullable-changed",
        .breaking,
        "The property may (or may no longer) be null: its Swift type changes between T? and Nullable<T>?."
    )
    static let propertyReadOnlyChanged = DiffRule(
        "property-read-only-changed",
        .warning,
        "The property became read-only or writable: the server ignores or starts reading it in requests."
    )
    static let propertyWriteOnlyChanged = DiffRule(
        "property-write-only-changed",
        .warning,
        "The property became write-only or readable: responses stop or start carrying it."
    )
    static let propertyDefaultChanged = DiffRule(
        "property-default-changed",
        .warning,
        "Requests that leave the property out now get another value from the server."
    )
    static let propertyDeprecated = DiffRule(
        "property-deprecated",
        .warning,
        "The property is deprecated and may be removed later."
    )
    static let additionalPropertiesChanged = DiffRule(
        "additional-properties-changed",
        .warning,
        "What the object says of undeclared properties changed; generated structs neither send nor keep them."
    )
    static let responseEnumValueAdded = DiffRule(
        "response-enum-value-added",
        .warning,
        "Responses may carry a new value. Generated enums are open: the value decodes, isKnown is false in older clients."
    )
    static let requestEnumValueAdded = DiffRule(
        "request-enum-value-added",
        .info,
        "Requests may send a new value; a new static member of the Swift enum."
    )
    static let enumValueRemoved = DiffRule(
        "enum-value-removed",
        .breaking,
        "The value is gone: requests sending it fail, and its Swift static member is gone."
    )
    static let unionAlternativeAdded = DiffRule(
        "union-alternative-added",
        .warning,
        "A oneOf/anyOf gained an alternative: a new case of the Swift enum breaks exhaustive switches."
    )
    static let unionAlternativeRemoved = DiffRule(
        "union-alternative-removed",
        .breaking,
        "A oneOf/anyOf lost an alternative: its Swift case is gone."
    )
    static let discriminatorChanged = DiffRule(
        "discriminator-changed",
        .breaking,
        "The discriminator property or its values changed: bodies decode to other cases."
    )

    // Constraints (minimum, maximum, lengths, item counts, pattern, multipleOf)
    static let requestConstraintTightened = DiffRule(
        "request-constraint-tightened",
        .breaking,
        "A value sent in requests must meet a stricter constraint: calls that succeeded may be rejected."
    )
    static let requestConstraintLoosened = DiffRule(
        "request-constraint-loosened",
        .info,
        "A value sent in requests may take more values than before."
    )
    static let responseConstraintLoosened = DiffRule(
        "response-constraint-loosened",
        .warning,
        "Responses may carry values outside the range older clients were promised."
    )
    static let responseConstraintTightened = DiffRule(
        "response-constraint-tightened",
        .info,
        "Responses carry a narrower range of values than before."
    )
    static let constraintChanged = DiffRule(
        "constraint-changed",
        .warning,
        "A pattern or multipleOf was replaced by one neither stricter nor looser: some values change sides."
    )

    // Security and servers
    static let securityChanged = DiffRule(
        "security-changed",
        .warning,
        "The operation asks for other credentials."
    )
    static let securitySchemeAdded = DiffRule("security-scheme-added", .info, "A new way to authenticate.")
    static let securitySchemeRemoved = DiffRule(
        "security-scheme-removed",
        .breaking,
        "The credentials configured for this scheme are no longer sent."
    )
    static let serverChanged = DiffRule(
        "server-changed",
        .warning,
        "The default server URL changed (ApiClient.defaultServer)."
    )

    // Documentation (reported with --include-docs)
    static let summaryChanged = DiffRule("summary-changed", .info, "An operation's summary changed.")
    static let descriptionChanged = DiffRule(
        "description-changed",
        .info,
        "A description changed: the Swift doc comment changes, the code does not."
    )
    static let exampleChanged = DiffRule(
        "example-changed",
        .info,
        "A schema's example changed: reference pages show another value."
    )

    /// The rules about documentation only, left out unless asked for.
    static let documentation: Set<DiffRule> = [summaryChanged, descriptionChanged, exampleChanged]

    /// Every rule, in the order the README lists them.
    public static let catalogue: [DiffRule] = [
        operationAdded, operationRemoved, operationDeprecated, operationIdChanged,
        requiredParameterAdded, optionalParameterAdded, parameterRemoved, parameterBecameRequired,
        parameterBecameOptional, parameterTypeChanged, parameterRenamed, parameterMoved,
        parameterStyleChanged, parameterDefaultChanged, parameterDeprecated,
        requestBodyAdded, optionalRequestBodyAdded, requestBodyRemoved, requestBodyBecameRequired,
        requestBodyTypeChanged, requestContentTypeAdded, requestContentTypeRemoved,
        responseAdded, responseRemoved, responseTypeChanged, responseContentTypeChanged,
        typeAdded, typeRemoved, typeKindChanged, typeRenamed, requiredRequestPropertyAdded,
        optionalRequestPropertyAdded, responsePropertyAdded, propertyRemoved, propertyTypeChanged,
        propertyBecameRequired, propertyBecameOptional, requestPropertyBecameOptional, propertyNullableChanged,
        propertyReadOnlyChanged, propertyWriteOnlyChanged, propertyDefaultChanged, propertyDeprecated,
        additionalPropertiesChanged,
        responseEnumValueAdded, requestEnumValueAdded, enumValueRemoved,
        unionAlternativeAdded, unionAlternativeRemoved, discriminatorChanged,
        requestConstraintTightened, requestConstraintLoosened, responseConstraintLoosened,
        responseConstraintTightened, constraintChanged,
        securityChanged, securitySchemeAdded, securitySchemeRemoved, serverChanged,
        summaryChanged, descriptionChanged, exampleChanged,
    ]
}
