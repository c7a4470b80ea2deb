/// A unified diff of two texts, line by line, as `diff -u` prints it: what `generate --check
/// --diff` shows of a file that would change.
///
/// Lines are matched by Myers' algorithm (the shortest edit script, as git and GNU diff find
/// it), and changes are printed in hunks with three lines of context.
public enum UnifiedDiff {
    public static func text(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String {
        let before = lines(old)
        let after = lines(new)
        let edits = script(before, after)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(edits, context: context) {
            let oldStart = hunk.first { $0.kind != .inserted }?.oldIndex ?? hunk[0].oldIndex
            let newStart = hunk.first { $0.kind != .deleted }?.newIndex ?? hunk[0].newIndex
            let oldCount = hunk.filter { $0.kind != .inserted }.count
            let newCount = hunk.filter { $0.kind != .deleted }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: output += " " + before[edit.oldIndex] + "\n"
                case .deleted: output += "-" + before[edit.oldIndex] + "\n"
                case .inserted: output += "+" + after[edit.newIndex] + "\n"
                }
            }
        }
        return output
    }

    struct Edit {
        enum Kind { case same, deleted, inserted }
        var kind: Kind
        /// Positions in the old and new lines (for an insertion, `oldIndex` is where it goes;
        /// for a deletion, `newIndex` likewise).
        var oldIndex: Int
        var newIndex: Int
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `-l,n` with diff's conventions: a hunk of no lines starts before its position.
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// The shortest edit script from `old` to `new` (Myers, 1986), every line listed.
    static func script(_ old: [String], _ new: [String]) -> [Edit] {
        let n = old.count
        let m = new.count
        let offset = n + m + 1
        var frontier = [Int](repeating: 0, count: 2 * offset + 1)
        var history: [[Int]] = []
        search: for distance in 0...(n + m) {
            history.append(frontier)
            for diagonal in stride(from: -distance, through: distance, by: 2) {
                var x: Int
                if diagonal == -distance
                    || (diagonal != distance && frontier[offset + diagonal - 1] < frontier[offset + diagonal + 1])
                {
                    x = frontier[offset + diagonal + 1]
                } else {
                    x = frontier[offset + diagonal - 1] + 1
                }
                var y = x - diagonal
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + diagonal] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk back from the end through the frontier each round started from: a diagonal
        // run of equal lines, then the one insertion or deletion that led to it.
        var edits: [Edit] = []
        var x = n
        var y = m
        for distance in stride(from: history.count - 1, through: 0, by: -1) {
            let previous = history[distance]
            let diagonal = x - y
            let fromAbove =
                diagonal == -distance
                || (diagonal != distance && previous[offset + diagonal - 1] < previous[offset + diagonal + 1])
            let previousDiagonal = fromAbove ? diagonal + 1 : diagonal - 1
            let previousX = previous[offset + previousDiagonal]
            let previousY = previousX - previousDiagonal
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                edits.append(Edit(kind: .same, oldIndex: x, newIndex: y))
            }
            guard distance > 0 else { break }
            if x == previousX {
                edits.append(Edit(kind: .inserted, oldIndex: x, newIndex: previousY))
            } else {
                edits.append(Edit(kind: .deleted, oldIndex: previousX, newIndex: y))
            }
            x = previousX
            y = previousY
        }
        return edits.reversed()
    }

    /// Runs of edits around each change, with `context` unchanged lines either side; runs
    /// closer than twice that are one hunk.
    private static func hunks(_ edits: [Edit], context: Int) -> [[Edit]] {
        let changed = edits.indices.filter { edits[$0].kind != .same }
        var hunks: [[Edit]] = []
        var start = max(changed[0] - context, 0)
        var end = min(changed[0] + context, edits.count - 1)
        for index in changed.dropFirst() {
            if index - context <= end + 1 {
                end = min(index + context, edits.count - 1)
            } else {
                hunks.append(Array(edits[start...end]))
                start = max(index - context, 0)
                end = min(index + context, edits.count - 1)
            }
        }
        hunks.append(Array(edits[start...end]))
        return hunks
    }
}
