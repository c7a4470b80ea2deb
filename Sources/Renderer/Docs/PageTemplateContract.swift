/// The keys of the reference pages' templates (`--docs`). Every value is Markdown, ready to
/// print: schema text is made safe for where it goes (a cell is one line with `|` escaped),
/// and types are code spans linked to their model pages.
extension TemplateContract {
    static let pageTemplates: [Template] = [
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
}
