import SpecforgeDiagnostics

/// Chooses the reader for a document's text: JSON for `.json` files and for text that reads as
/// JSON, YAML for everything else.
///
/// A `.json` file is held to JSON's rules, with JSON's error messages. Other files that start
/// with `{` or `[` are tried as JSON first (it is faster), and read as YAML if they are not JSON
/// (YAML's flow style also starts with a brace, and allows unquoted keys).
public enum DocumentText {
    /// `emptyAsNull`: a text without a document is a `null` scalar rather than an error (see
    /// `YAMLLoader.load`).
    public static func parse(
        _ bytes: [UInt8],
        file: String,
        limits: LoaderLimits = LoaderLimits(),
        emptyAsNull: Bool = false
    ) throws(Diagnostic) -> Node {
        if file.utf8.count >= 5, file.lowercased().hasSuffix(".json") {
            return try JSONLoader.load(bytes, file: file, limits: limits)
        }
        if startsLikeJSON(bytes), let node = try? JSONLoader.load(bytes, file: file, limits: limits) {
            return node
        }
        return try YAMLLoader.load(bytes, file: file, limits: limits, emptyAsNull: emptyAsNull)
    }

    private static func startsLikeJSON(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "["))
    }
}
