import SpecforgeSupport

/// How the generated files are laid out on disk.
public enum OutputLayout: Sendable, Equatable {
    /// One file per model and per API group (`Models/Task.swift`, `APIs/TasksApi.swift`), plus
    /// `ApiClient.swift`: what a committed client wants (readable diffs, the compiler's batches).
    case filePerDeclaration
    /// `ApiClient.swift` plus exactly `count` files, `Shard00.swift`, `Shard01.swift`, …, some of
    /// them possibly empty: for the build-tool plugin, which must name every output file before
    /// the document is read. A declaration's shard is a hash of its name, so adding or removing
    /// one declaration leaves every other where it was.
    case shards(Int)

    /// The shards a build may ask for.
    public static let shardRange = 1...256

    /// The files of `.shards(count)`, in order.
    public static func shardFileNames(count: Int) -> [String] {
        ["ApiClient.swift"] + (0..<count).map { "Shard" + (($0 < 10 ? "0" : "") + String($0)) + ".swift" }
    }
}

/// Gathers the one-file-per-declaration output into shards.
enum ShardLayout {
    static func shard(_ files: [RenderedFile], count: Int) -> [RenderedFile] {
        let names = OutputLayout.shardFileNames(count: count)
        var members = [[RenderedFile]](repeating: [], count: count)
        var result: [RenderedFile] = []
        for file in files {
            if file.path == "ApiClient.swift" {
                result.append(file)
            } else {
                members[Int(stableHash(declarationName(file.path)) % UInt64(count))].append(file)
            }
        }
        let header = files.first.map { preamble(of: $0.contents).header } ?? ""
        for (index, group) in members.enumerated() {
            var imports: [String] = []
            var bodies: [String] = []
            for file in group.sorted(by: { $0.path < $1.path }) {
                let parts = preamble(of: file.contents)
                imports += parts.imports.filter { !imports.contains($0) }
                bodies.append(parts.body)
            }
            var text = header + "\n"
            if !imports.isEmpty { text += imports.joined(separator: "\n") + "\n" }
            for body in bodies { text += "\n" + body }
            result.append(RenderedFile(path: names[index + 1], contents: text))
        }
        return result
    }

    /// `Models/TaskRead.swift` → `TaskRead`.
    private static func declarationName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".swift") ? String(file.dropLast(6)) : file
    }

    /// The leading comment line, the imports, and the rest of a rendered file.
    private static func preamble(of contents: String) -> (header: String, imports: [String], body: String) {
        var lines = contents.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var header = ""
        var imports: [String] = []
        while let line = lines.first {
            if line.hasPrefix("//"), header.isEmpty, imports.isEmpty {
                header = String(line)
            } else if line.hasPrefix("import ") {
                imports.append(String(line))
            } else if !line.isEmpty {
                break
            }
            lines.removeFirst()
        }
        return (header, imports, lines.joined(separator: "\n"))
    }

    /// FNV-1a, 64 bits: the same on every platform and run (`Hasher` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
