import Foundation

/// `specforge diff`'s output formats.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, markdown, json
}

extension DiffReport {
    /// `3 breaking, 1 warning, 12 info`.
    public var summary: String {
        let counts = [
            (count(.breaking), "breaking", "breaking"), (count(.warning), "warning", "warnings"),
            (count(.info), "info", "info"),
        ]
        return counts.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }.joined(separator: ", ")
    }

    public func formatted(as format: DiffFormat) -> String {
        switch format {
        case .text: text
        case .markdown: markdown
        case .json: json
        }
    }

    /// One line per change, breaking first; Swift symbols indented below.
    private var text: String {
        var lines = ["\(old) → \(new): \(summary)"]
        for change in changes {
            lines.append("\(change.severity.rawValue) [\(change.rule)] \(change.group): \(change.message)")
            if !change.symbols.isEmpty {
                lines.append("    Swift: " + change.symbols.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A pull-request comment: the summary, then a section per severity, grouped by API.
    private var markdown: String {
        var lines = ["**API changes** `\(old)` → `\(new)`: \(summary)"]
        if changes.isEmpty {
            lines.append("")
            lines.append("No changes to the API.")
        }
        for severity in Severity.allCases {
            let selected = changes.filter { $0.severity == severity }
            guard !selected.isEmpty else { continue }
            lines.append("")
            lines.append("### \(Self.heading(severity)) (\(selected.count))")
            var group: String?
            for change in selected {
                if change.group != group {
                    group = change.group
                    lines.append("")
                    lines.append("**\(change.group)**")
                    lines.append("")
                }
                let symbols = change.symbols.map { "`\($0)`" }.joined(separator: ", ")
                lines.append(
                    "- \(Self.escaped(change.message)) `\(change.rule)`" + (symbols.isEmpty ? "" : " — \(symbols)")
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"old", "new", "summary": {"breaking", "warning", "info"}, "changes": [...]}`, keys sorted.
    private var json: String {
        struct Output: Encodable {
            let old: String
            let new: String
            let summary: [String: Int]
            let changes: [APIChange]
        }
        let output = Output(
            old: old,
            new: new,
            summary: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, count($0)) }),
            changes: changes
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    private static func heading(_ severity: Severity) -> String {
        switch severity {
        case .breaking: "Breaking"
        case .warning: "Warnings"
        case .info: "Other changes"
        }
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
    }
}
