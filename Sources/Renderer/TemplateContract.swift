/// Every key each template receives, with what it holds: the contract between specforge and
/// a template set (`--templates DIR`).
///
/// Not a table kept beside the code: each template's keys are its typed context's `keys`
/// (`Contexts/`), whose kinds come from the properties' Swift types. `Templates/README.md` is
/// printed from them (`TemplateContract.markdown`) and a test keeps the two equal; another test
/// renders real documents and requires every documented key to occur. `specforge dump-model
/// --template-context` prints the contexts themselves.
public enum TemplateContract {
    /// What a key holds.
    public enum Kind: String, Sendable {
        /// Text, printed with `{{key}}`.
        case text
        /// `true` or `false`, for `{{#key}}…{{/key}}` and `{{^key}}…{{/key}}`.
        case flag
        /// Lines of text, each printed with `{{#key}}{{.}}{{/key}}`.
        case lines
        /// A list of objects, each with the keys listed under it.
        case list
        /// One object with the keys listed under it; absent when there is none.
        case object
    }

    public struct Key: Sendable {
        public let name: String
        public let kind: Kind
        /// Whether the key may be missing (then `{{#key}}` skips and `{{^key}}` prints).
        public let isOptional: Bool
        public let meaning: String
        public let keys: [Key]

        init(_ name: String, _ kind: Kind, optional: Bool = false, _ meaning: String, _ keys: [Key] = []) {
            self.name = name
            self.kind = kind
            self.isOptional = optional
            self.meaning = meaning
            self.keys = keys
        }
    }

    public struct Template: Sendable {
        public let name: String
        public let purpose: String
        public let keys: [Key]
    }

    /// The templates and their keys, in the order the renderer uses them: the code's, then
    /// the reference pages'.
    public static let templates = codeTemplates + pageTemplates

    private static let codeTemplates: [Template] = [
        Template(
            name: "Header",
            purpose: "A partial (`{{> Header}}`) every other template starts with; it sees the context of the "
                + "template that includes it.",
            keys: HeaderContext.contractKeys
        ),
        Template(
            name: "Model",
            purpose: "An object schema: a struct conforming to `APIObject`, one file per model.",
            keys: ModelContext.contractKeys
        ),
        Template(
            name: "Enum",
            purpose: "A string or integer `enum` schema: an open enum (`OpenEnum`) that keeps unknown values.",
            keys: EnumContext.contractKeys
        ),
        Template(
            name: "Union",
            purpose: "A `oneOf` or `anyOf` schema: an enum with one case per alternative.",
            keys: UnionContext.contractKeys
        ),
        Template(
            name: "TypeAlias",
            purpose: "A schema that is another type under a new name (an array, a map, a primitive).",
            keys: TypeAliasContext.contractKeys
        ),
        Template(
            name: "Api",
            purpose: "One API group (an OpenAPI tag): a struct with one method per operation, and the "
                + "`Endpoint` descriptors the runtime sends them with.",
            keys: ApiContext.contractKeys
        ),
        Template(
            name: "ApiClient",
            purpose: "The client that owns the session and gives access to every API group (rendered last, "
                + "once every group is known).",
            keys: ApiClientContext.contractKeys
        ),
    ]

    /// The reference pages' templates (`--docs`): every value they are given is Markdown, ready
    /// to print (schema text made safe for where it goes, types as code spans linked to their pages).
    private static let pageTemplates: [Template] = [
        Template(
            name: "DocsIndex",
            purpose: "The reference pages' index (`README.md`): every API group and its methods, every model, "
                + "the authentication schemes.",
            keys: DocsIndexContext.contractKeys
        ),
        Template(
            name: "DocsApi",
            purpose: "One API group's page (`APIs/<Group>.md`): its method table and a section per method.",
            keys: DocsApiContext.contractKeys
        ),
        Template(
            name: "DocsModel",
            purpose: "One declared type's page (`Models/<Type>.md`): a struct's properties, an enum's values, a "
                + "union's alternatives or an alias's type.",
            keys: DocsModelContext.contractKeys
        ),
    ]

    /// The contract as Markdown: `Templates/README.md` below its introduction.
    public static var markdown: String {
        var text = ""
        for template in templates {
            text += "\n### `\(template.name).mustache`\n\n\(template.purpose)\n\n"
            text += "| key | kind | holds |\n|---|---|---|\n"
            for row in rows(template.keys, prefix: "") { text += row + "\n" }
        }
        return text
    }

    private static func rows(_ keys: [Key], prefix: String) -> [String] {
        keys.flatMap { key -> [String] in
            let kind = key.kind.rawValue + (key.isOptional ? ", optional" : "")
            let meaning = key.meaning.replacingOccurrences(of: "|", with: "\\|")
            return ["| `\(prefix)\(key.name)` | \(kind) | \(meaning) |"]
                + rows(key.keys, prefix: prefix + key.name + ".")
        }
    }
}
