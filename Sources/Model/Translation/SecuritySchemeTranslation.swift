import SpecforgeParser

/// The one translation of security schemes into the model, for the document's
/// `components/securitySchemes` and the configuration's `securitySchemes` alike (both read by
/// the parser's `SecuritySchemeReader`).
enum SecuritySchemeTranslation {
    static func models(_ schemes: [(name: String, scheme: SecurityScheme)]) -> [SecuritySchemeModel] {
        schemes.compactMap { name, scheme in model(name: name, scheme) }
    }

    static func model(name: String, _ scheme: SecurityScheme) -> SecuritySchemeModel? {
        switch scheme.kind {
        case .http(let httpScheme, _):
            return SecuritySchemeModel(
                name: name,
                kind: httpScheme == "basic" ? .httpBasic : .httpBearer,
                parameterName: nil,
                location: nil,
                prefix: scheme.tokenPrefix,
                description: scheme.description
            )
        case .apiKey(let parameterName, let location):
            return SecuritySchemeModel(
                name: name,
                kind: .apiKey,
                parameterName: parameterName,
                location: ParameterModel.Location(rawValue: location.rawValue),
                prefix: scheme.tokenPrefix,
                description: scheme.description
            )
        case .oauth2, .openIdConnect:
            // Both end in a bearer token that the caller obtains; the client sends it.
            return SecuritySchemeModel(
                name: name,
                kind: .httpBearer,
                parameterName: nil,
                location: nil,
                prefix: nil,
                description: scheme.description
            )
        case .mutualTLS:
            return nil
        }
    }
}
