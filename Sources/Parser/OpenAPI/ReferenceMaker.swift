import SpecforgeDiagnostics

/// Turns `$ref` strings written in one file into absolute `Reference`s.
struct ReferenceMaker {
    let file: String
    let diagnostics: Diagnostics
    /// Absolute paths of the files this file's `$ref`s name: a split document refers to the
    /// same few files thousands of times.
    private let targets = TargetFiles()

    init(file: String, diagnostics: Diagnostics) {
        self.file = file
        self.diagnostics = diagnostics
    }

    /// - Parameter bareName: discriminator mappings may name a schema (`Cat`) instead of a `$ref`.
    func make(_ node: Node, at pointer: String, bareName: Bool = false) -> Reference? {
        guard let text = node.scalar?.value, !text.isEmpty else {
            diagnostics.error(
                "'$ref' must be a non-empty string, found \(node.kindName)",
                at: node.location,
                pointer: pointer
            )
            return nil
        }
        var filePart = text
        var fragment = "#"
        if let hash = text.firstIndex(of: "#") {
            filePart = String(text[..<hash])
            fragment = String(text[hash...])
        } else if bareName, !text.contains("/"), !text.contains(".") {
            filePart = ""
            fragment = "#/components/schemas/" + text
        }
        if filePart.contains("://") {
            diagnostics.error(
                "remote reference '\(text)' is not supported; download the document and refer to it by a relative path",
                at: node.location,
                pointer: pointer
            )
            return nil
        }
        let target = filePart.isEmpty ? file : targets.path(filePart, from: file)
        return Reference(file: target, fragment: fragment, text: text, location: node.location, pointer: pointer)
    }
}

private final class TargetFiles {
    private var paths: [String: String] = [:]

    func path(_ relative: String, from file: String) -> String {
        if let known = paths[relative] { return known }
        let path = FilePath.resolve(relative, against: FilePath.directory(of: file))
        paths[relative] = path
        return path
    }
}
