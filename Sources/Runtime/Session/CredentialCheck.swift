extension Configuration {
    /// Why credentials set here cannot be sent by any of `schemes`, or `nil` when all can.
    ///
    /// A credential no scheme can send would be dropped without a word, and the user would
    /// only learn of it from a 401 (GitHub's REST description, for one, declares no schemes,
    /// though every call takes a token); so a request is not sent with one.
    func unsendableCredentials(with schemes: [SecuritySchemeSpec]) -> String? {
        var problems: [String] = []
        if accessToken != nil, !schemes.contains(where: { $0.kind == .httpBearer }) {
            problems.append("accessToken (the API declares no bearer scheme)")
        }
        if username != nil || password != nil, !schemes.contains(where: { $0.kind == .httpBasic }) {
            problems.append("username and password (the API declares no basic scheme)")
        }
        let keyNames = schemes.compactMap { scheme -> String? in
            if case .apiKey = scheme.kind { return scheme.name }
            return nil
        }
        for name in apiKeys.keys.sorted() where !keyNames.contains(name) {
            let known = keyNames.isEmpty ? "it declares none" : "it declares " + keyNames.joined(separator: ", ")
            problems.append("apiKeys[\"\(name)\"] (no API key scheme of that name; \(known))")
        }
        guard !problems.isEmpty else { return nil }
        return "The configuration sets credentials this API cannot send: " + problems.joined(separator: "; ")
            + ". Declare the scheme in the OpenAPI document, or in specforge.yaml (securitySchemes:)."
    }
}
