import Foundation

/// Percent-encoding for the parts of a request we assemble by hand.
///
/// Foundation's predefined sets (`urlQueryAllowed` and friends) leave characters such as `+`,
/// `&` and `=` unescaped, which servers then read as separators or spaces. Encoding everything
/// outside RFC 3986's unreserved set is always safe, so that is what every position uses.
enum PercentEncoding {
    /// `ALPHA / DIGIT / "-" / "." / "_" / "~"` (RFC 3986, section 2.3).
    static let unreserved: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "abcdefghijklmnopqrstuvwxyz")
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        set.insert(charactersIn: "0123456789-._~")
        return set
    }()

    /// Encodes every character outside the unreserved set, so `+` becomes `%2B` and a space `%20`.
    static func encode(_ string: String) -> String {
        // Only fails for strings that are not valid Unicode, which Swift strings never are.
        string.addingPercentEncoding(withAllowedCharacters: unreserved) ?? string
    }
}
