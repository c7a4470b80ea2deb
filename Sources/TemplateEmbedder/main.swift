import Foundation

// Usage: TemplateEmbedder OUTPUT.swift TEMPLATE.mustache...
//
// Writes a Swift file holding each template's text as a raw string literal, keyed by the
// template's base name, so the renderer needs no resource bundle at run time.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: TemplateEmbedder OUTPUT TEMPLATE...\n".utf8))
    exit(2)
}

/// A raw-string delimiter longer than any run of `#` following a quote in the text.
func delimiter(for text: String) -> String {
    var longest = 0
    var run = -1
    for character in text {
        if character == "\"" || character == "\\" {
            run = 0
        } else if character == "#", run >= 0 {
            run += 1
            longest = max(longest, run)
        } else {
            run = -1
        }
    }
    return String(repeating: "#", count: longest + 1)
}

var source = """
    // Generated at build time by TemplateEmbedder from Templates/*.mustache. Do not edit.

    enum EmbeddedTemplates {
        static let all: [String: String] = [

    """
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let name = url.deletingPathExtension().lastPathComponent
    let text = try String(contentsOf: url, encoding: .utf8)
    let hashes = delimiter(for: text)
    source += "        \"\(name)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
source += "    ]\n}\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)
