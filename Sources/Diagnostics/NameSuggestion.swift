/// "Did you mean …?" for a name that matches nothing: the nearest candidate by edit distance,
/// used by every stage that reports a misspelled name (a `$ref` target, a configuration key, a
/// schema or tag named in the configuration).
public enum NameSuggestion {
    /// The candidate nearest to `text` by edit distance, if it is near enough to be a slip:
    /// at most a third of the text's length, and at least 1.
    public static func closest(to text: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, text.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates where abs(candidate.count - text.count) <= limit {
            let distance = editDistance(Array(text.unicodeScalars), Array(candidate.unicodeScalars))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// `"; did you mean 'x'?"`, or nothing when no candidate is near.
    public static func didYouMean(_ text: String, in candidates: some Sequence<String>) -> String {
        closest(to: text, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
