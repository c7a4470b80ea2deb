import Foundation

/// Reads `Set-Cookie` response headers (RFC 6265, section 5.2) into name/value updates.
///
/// Only what a single-server API client needs: the name, the value and whether the server asked
/// to delete the cookie. `Domain`, `Path`, `Secure` and friends are ignored because every cookie
/// comes from, and goes back to, the configured host.
enum SetCookieParser {
    struct Cookie: Equatable {
        let name: String
        let value: String
        /// Set by `Max-Age=0` (or negative) or an `Expires` in the past, which is how servers
        /// delete cookies, for example the session cookie on logout.
        let isExpired: Bool
    }

    static func cookies(in headers: HTTPHeaders, now: Date = Date()) -> [Cookie] {
        headers.values(for: "Set-Cookie").flatMap(splitCombinedHeader).compactMap { parse($0, now: now) }
    }

    /// Parses one cookie: `name=value; Attribute=value; Flag`.
    static func parse(_ header: String, now: Date) -> Cookie? {
        var attributes = header.split(separator: ";", omittingEmptySubsequences: false).makeIterator()
        guard let pair = attributes.next(), let equals = pair.firstIndex(of: "=") else { return nil }
        let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
        let value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }

        var maxAge: Int?
        var expires: Date?
        while let attribute = attributes.next() {
            let parts = attribute.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            switch parts[0].lowercased() {
            case "max-age": maxAge = Int(parts[1])
            case "expires": expires = HTTPDate.parse(parts[1])
            default: break
            }
        }
        // Max-Age wins over Expires when both are present (RFC 6265, section 5.3, step 3).
        let isExpired = maxAge.map { $0 <= 0 } ?? expires.map { $0 <= now } ?? false
        return Cookie(name: name, value: value, isExpired: isExpired)
    }

    /// URLSession reports repeated `Set-Cookie` fields as one value joined by commas. Commas also
    /// occur inside `Expires=Wed, 21 Oct 2015 ...`, so a comma only starts a new cookie when what
    /// follows looks like `name=` (a token with no spaces or semicolons before the `=`).
    static func splitCombinedHeader(_ header: String) -> [String] {
        var cookies: [String] = []
        var current = ""
        for piece in header.split(separator: ",", omittingEmptySubsequences: false) {
            if !current.isEmpty, startsCookie(piece) {
                cookies.append(current)
                current = String(piece)
            } else {
                current += current.isEmpty ? String(piece) : "," + piece
            }
        }
        if !current.isEmpty {
            cookies.append(current)
        }
        return cookies.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func startsCookie(_ piece: Substring) -> Bool {
        let trimmed = piece.drop { $0 == " " || $0 == "\t" }
        guard let equals = trimmed.firstIndex(of: "=") else { return false }
        let name = trimmed[..<equals]
        return !name.isEmpty && !name.contains { $0 == " " || $0 == ";" || $0 == "\t" }
    }
}

/// The date format of `Expires` attributes (RFC 9110, section 5.6.7).
enum HTTPDate {
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate, what servers send today
        "EEEE, dd-MMM-yy HH:mm:ss zzz",  // obsolete RFC 850 format
        "EEE, dd-MMM-yyyy HH:mm:ss zzz",  // common non-standard variant
        "EEE MMM d HH:mm:ss yyyy",  // asctime
    ]

    static func parse(_ string: String) -> Date? {
        // A formatter per call: they are not thread-safe, and expiring cookies are rare.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: string) {
                return date
            }
        }
        return nil
    }
}
