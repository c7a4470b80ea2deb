import Foundation

/// Applies an operation's security requirements to a request being built.
struct Authentication {
    let configuration: Configuration
    let schemes: [String: SecuritySchemeSpec]

    /// Applies every scheme the operation mentions for which credentials are configured. Sending
    /// credentials for alternatives the server does not end up using is harmless, and it spares
    /// callers from having to pick one. The first `Authorization` header set wins.
    func apply(_ security: [[String]], to draft: inout RequestDraft) {
        var applied = Set<String>()
        for name in security.joined() where applied.insert(name).inserted {
            guard let scheme = schemes[name] else { continue }
            apply(scheme, to: &draft)
        }
    }

    private func apply(_ scheme: SecuritySchemeSpec, to draft: inout RequestDraft) {
        switch scheme.kind {
        case .httpBasic:
            guard let username = configuration.username else { return }
            let credentials = Data("\(username):\(configuration.password ?? "")".utf8).base64EncodedString()
            draft.headers.setIfAbsent("Authorization", "Basic \(credentials)")
        case .httpBearer:
            guard let token = configuration.accessToken else { return }
            draft.headers.setIfAbsent("Authorization", "Bearer \(token)")
        case .apiKey(let name, let location):
            guard let key = configuration.apiKeys[scheme.name] else { return }
            let prefix = configuration.apiKeyPrefixes[scheme.name] ?? scheme.prefix
            // One space between prefix and key, whether the prefix is written `Token` or `Token `.
            let word = prefix?.trimmingCharacters(in: .whitespaces) ?? ""
            let value = word.isEmpty ? key : "\(word) \(key)"
            switch location {
            case .header:
                draft.headers.setIfAbsent(name, value)
            case .query:
                let encodedName = PercentEncoding.encode(name)
                // A `next` link of a paginated list may already carry the key.
                if !draft.hasQueryItem(named: encodedName) {
                    draft.queryItems.append(encodedName + "=" + PercentEncoding.encode(value))
                }
            case .cookie:
                draft.setCookie(name, value)
            case .path:
                // OpenAPI does not allow API keys in the path.
                break
            }
        }
    }
}
