/// The parts of a request collected while it is built, before they are assembled into an
/// `HTTPRequest`.
struct RequestDraft {
    var headers = HTTPHeaders()
    /// Already percent-encoded `name=value` items.
    var queryItems: [String] = []
    private(set) var cookies: [(name: String, value: String)] = []

    /// Adds a cookie, replacing an earlier one of the same name in place: sources added later
    /// take precedence, while the header keeps a stable order.
    mutating func setCookie(_ name: String, _ value: String) {
        if let index = cookies.firstIndex(where: { $0.name == name }) {
            cookies[index].value = value
        } else {
            cookies.append((name, value))
        }
    }

    var cookieHeader: String? {
        cookies.isEmpty ? nil : cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    func hasQueryItem(named encodedName: String) -> Bool {
        queryItems.contains { $0.hasPrefix(encodedName + "=") }
    }
}
