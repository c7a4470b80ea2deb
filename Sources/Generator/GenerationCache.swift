import Foundation
import SpecforgePostProcessor

/// Lets a regeneration in which nothing changed finish without parsing or rendering.
///
/// After a successful run the output directory gets a small manifest (`.specforge-cache`): the
/// command that ran (with the generator binary's size and date), a hash of every file it read
/// (schema files, configuration, template overrides, and the listing of the templates folder)
/// and of every file it wrote, and what it printed. The next identical command re-hashes those
/// files; if all match and the folder holds exactly the files written, the run is replayed from
/// the manifest. Any difference, a missing or unreadable manifest included, means a full run.
public struct GenerationCache: Sendable {
    public static let fileName = ".specforge-cache"
    private static let formatLine = "specforge-cache 1"

    /// What a run printed, replayed on a hit.
    public struct Entry: Sendable, Equatable {
        public var diagnostics: [String]
        public var summary: String

        public init(diagnostics: [String], summary: String) {
            self.diagnostics = diagnostics
            self.summary = summary
        }
    }

    private let outputDirectory: String
    /// Where the reference pages go (`--docs`), if anywhere: they are outputs too.
    private let pagesDirectory: String?
    private let key: String

    /// `command` identifies the invocation (arguments and working directory); the generator
    /// binary's identity is added here, so a rebuilt generator never reuses an old manifest.
    public init(outputDirectory: String, pagesDirectory: String? = nil, command: [String]) {
        self.outputDirectory = outputDirectory
        self.pagesDirectory = pagesDirectory
        self.key = ([Self.generatorIdentity()] + command).joined(separator: "\u{1F}")
    }

    private var manifestPath: String { outputDirectory + "/" + Self.fileName }

    /// The previous run's output, if nothing it read or wrote has changed since.
    public func lookUp() -> Entry? {
        guard let text = try? String(contentsOfFile: manifestPath, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, lines[0] == Self.formatLine, lines[1] == "key " + ContentHash.hex(key) else {
            return nil
        }
        lines.removeFirst(2)
        var entry = Entry(diagnostics: [], summary: "")
        var outputs: Set<String> = []
        var pages: Set<String> = []
        for line in lines where !line.isEmpty {
            let (kind, rest) = split(line)
            switch kind {
            case "input":
                let (hash, path) = split(rest)
                guard ContentHash.ofFile(path) == hash else { return nil }
            case "listing":
                let (hash, path) = split(rest)
                guard ContentHash.ofListing(path) == hash else { return nil }
            case "output":
                let (hash, path) = split(rest)
                guard ContentHash.ofFile(outputDirectory + "/" + path) == hash else { return nil }
                outputs.insert(path)
            case "page":
                let (hash, path) = split(rest)
                guard let pagesDirectory, ContentHash.ofFile(pagesDirectory + "/" + path) == hash else { return nil }
                pages.insert(path)
            case "diagnostic": entry.diagnostics.append(rest)
            case "summary": entry.summary = rest
            default: return nil
            }
        }
        guard Set(OutputWriter.swiftFiles(in: outputDirectory)) == outputs else { return nil }
        if let pagesDirectory {
            guard Set(OutputWriter.files(in: pagesDirectory, withExtension: "md")) == pages else { return nil }
        }
        return entry
    }

    /// Records a successful run. `inputs` are files read; `listings` are folders whose set of
    /// files matters (a template added to an override folder changes the output).
    public func store(
        _ entry: Entry,
        inputs: [String],
        listings: [String],
        outputs: [(path: String, contents: String)],
        pages: [(path: String, contents: String)] = []
    ) {
        var lines = [Self.formatLine, "key " + ContentHash.hex(key)]
        for path in Set(inputs).sorted() {
            guard let hash = ContentHash.ofFile(path) else { return }
            lines.append("input \(hash) \(path)")
        }
        for path in Set(listings).sorted() {
            lines.append("listing \(ContentHash.ofListing(path)) \(path)")
        }
        for output in outputs {
            lines.append("output \(ContentHash.hex(output.contents)) \(output.path)")
        }
        for page in pages {
            lines.append("page \(ContentHash.hex(page.contents)) \(page.path)")
        }
        lines += entry.diagnostics.map { "diagnostic " + $0 }
        lines.append("summary " + entry.summary)
        try? (lines.joined(separator: "\n") + "\n").write(toFile: manifestPath, atomically: true, encoding: .utf8)
    }

    /// Removes the manifest (a failed or partial run must not be replayed).
    public func invalidate() {
        try? FileManager.default.removeItem(atPath: manifestPath)
    }

    private func split(_ text: String) -> (String, String) {
        guard let space = text.firstIndex(of: " ") else { return (text, "") }
        return (String(text[..<space]), String(text[text.index(after: space)...]))
    }

    private static func generatorIdentity() -> String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(path) \(size) \(date)"
    }
}

/// FNV-1a, 64 bits: a cache key, not a security boundary.
enum ContentHash {
    static func hex(_ text: String) -> String { hex(bytes: Data(text.utf8)) }

    static func ofFile(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { hex(bytes: $0) }
    }

    static func ofListing(_ directory: String) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return hex(names.sorted().joined(separator: "\n"))
    }

    static func hex(bytes data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { buffer in
            for byte in buffer {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}
