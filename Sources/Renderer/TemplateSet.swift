import Foundation
import Mustache
import SpecforgeDiagnostics

/// The templates a run renders with: the built-in ones (embedded at build time from
/// `Templates/`), each replaceable by a file of the same name in an override directory.
public struct TemplateSet: Sendable {
    /// Every template the renderer uses, by name (`Model` is `Templates/Model.mustache`).
    public static let names = [
        "Header", "Model", "Enum", "Union", "TypeAlias", "Api", "ApiClient", "DocsIndex", "DocsApi", "DocsModel",
    ]

    let library: MustacheLibrary

    /// - Parameter overrides: a directory whose `NAME.mustache` files replace the built-in ones.
    public init(overrides: String? = nil) throws(Diagnostic) {
        var sources = EmbeddedTemplates.all
        if let overrides {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrides, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw Diagnostic.error("template directory '\(overrides)' does not exist")
            }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: overrides)) ?? []
            for file in files.sorted() where file.hasSuffix(".mustache") {
                let name = String(file.dropLast(".mustache".count))
                guard Self.names.contains(name) else {
                    throw Diagnostic.error(
                        "unknown template '\(file)' in '\(overrides)'; templates are \(Self.names.map { $0 + ".mustache" }.joined(separator: ", "))"
                    )
                }
                let path = overrides + "/" + file
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw Diagnostic.error("cannot read template '\(path)'")
                }
                sources[name] = String(decoding: data, as: UTF8.self)
            }
        }
        var library = MustacheLibrary()
        for name in Self.names {
            guard let source = sources[name] else { throw Diagnostic.error("template '\(name)' is missing") }
            do {
                try library.register(source, named: name)
            } catch {
                throw Diagnostic.error("template '\(name).mustache' does not parse: \(error)")
            }
        }
        self.library = library
    }

    func render(_ name: String, _ context: Any) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}

/// View-model text renders as itself. Without this, swift-mustache tries three more casts and
/// `String(describing:)` for every variable it prints (7% of a CVAT run). Retroactive,
/// knowingly: the conformance only short-cuts what the library does for any value, so a
/// future one of its own would agree.
// swift-format-ignore: AvoidRetroactiveConformances
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
