import Foundation

/// How a transport secures its connections: what cvat-sdk's `verify_ssl`, `ssl_ca_cert`,
/// `cert_file` and `key_file` say. `AsyncHTTPClientTransport` honours every option on Linux and
/// Apple platforms; `URLSessionTransport` takes a `URLSession` whose delegate decides instead
/// (on Linux, FoundationNetworking offers no hook for certificate trust).
public struct TLSOptions: Sendable, Hashable {
    /// Hosts whose certificate is not verified at all, for a self-signed test server: the
    /// connection is still encrypted but anyone in the middle can read it. Empty by default;
    /// `"*"` names every host (cvat-sdk's `verify_ssl=False`, the CLI's `--insecure`).
    public var insecureHosts: Set<String>
    /// A PEM file of the certificate authorities to trust instead of the system's (cvat-sdk's
    /// `ssl_ca_cert`): a company CA, or a test server's own certificate.
    public var caBundle: URL?
    /// A PEM certificate (chain) and its PEM private key, for servers that ask the client to
    /// prove who it is (mutual TLS).
    public var clientCertificate: URL?
    public var clientKey: URL?

    public init(
        insecureHosts: Set<String> = [],
        caBundle: URL? = nil,
        clientCertificate: URL? = nil,
        clientKey: URL? = nil
    ) {
        self.insecureHosts = insecureHosts
        self.caBundle = caBundle
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
    }

    /// Whether `host`'s certificate is verified.
    public func verifies(host: String) -> Bool {
        !insecureHosts.contains("*") && !insecureHosts.contains(host.lowercased()) && !insecureHosts.contains(host)
    }
}

/// An HTTP proxy for every host but those in `noProxy` (cvat-sdk's `proxy` and `no_proxy`).
/// HTTPS goes through it with `CONNECT`, so the proxy sees only the host name.
public struct ProxyOptions: Sendable, Hashable {
    /// `http://proxy.example.com:3128`, optionally with `user:password@`.
    public var url: URL
    /// Hosts reached directly: a name matches itself and its subdomains (`example.com` matches
    /// `api.example.com`, as does `.example.com`), `*` matches every host, an address itself.
    public var noProxy: [String]

    public init(url: URL, noProxy: [String] = []) {
        self.url = url
        self.noProxy = noProxy
    }

    /// The proxy the environment names, as curl and Python's `requests` read it: `https_proxy`
    /// (or `HTTPS_PROXY`), else `http_proxy`, with `no_proxy`; `nil` when none is set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ProxyOptions?
    {
        let names = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]
        guard let value = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }),
            let url = URL(string: value.contains("://") ? value : "http://" + value)
        else { return nil }
        let noProxy = (environment["no_proxy"] ?? environment["NO_PROXY"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return ProxyOptions(url: url, noProxy: noProxy)
    }

    /// Whether a request to `host` goes through the proxy.
    public func isUsed(for host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        for entry in noProxy.map({ $0.lowercased() }) {
            if entry == "*" { return false }
            let name = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if host == name || host.hasSuffix("." + name) { return false }
        }
        return true
    }
}
