import Foundation
import SpecforgeModel
import SpecforgeSupport

/// The renderer stage's entry point: prints the intermediate model through the templates, one
/// file per type and per API group, and the `ApiClient` that groups every API.
public struct Renderer: Sendable {
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// View models are built and templates rendered on every core; the order is the model's.
    public func render(_ model: ClientModel) -> [RenderedFile] {
        let header = ViewModels.header(model)
        let commonSecurity = ViewModels.commonSecurity(model)
        let templates = self.templates
        let types = model.types.concurrentMap { declaration in
            let (template, context) = ViewModels.declaration(declaration, header: header)
            return RenderedFile(path: "Models/\(declaration.name).swift", contents: templates.render(template, context))
        }
        let groups = model.groups.concurrentMap { group in
            RenderedFile(
                path: "APIs/\(group.typeName).swift",
                contents: templates.render(
                    "Api",
                    ViewModels.group(group, header: header, commonSecurity: commonSecurity)
                )
            )
        }
        let client = RenderedFile(
            path: "ApiClient.swift",
            contents: templates.render("ApiClient", ViewModels.apiClient(model, header: header))
        )
        return types + groups + [client]
    }

    /// The reference pages (`--docs DIR`): the index, a page per API group and a page per
    /// type, Markdown printed through the `Docs…` templates.
    ///
    /// Each page's context is built and printed in one piece of work, all of them on every
    /// core: a document with one huge API group (Stripe's 374 operations) then prints that
    /// page while the other cores print the models.
    public func renderDocs(_ model: ClientModel) -> [RenderedFile] {
        let templates = self.templates
        let pages = ReferencePages(model)
        return Self.pageList(model).concurrentMap { page in
            let context = page.context(pages)
            return RenderedFile(path: context.path, contents: templates.render(context.template, context.values))
        }
    }

    /// What each page template is given for `model`: the contexts `renderDocs` prints.
    public static func pageContexts(for model: ClientModel) -> [TemplateContext] {
        let pages = ReferencePages(model)
        return pageList(model).concurrentMap { $0.context(pages) }
    }

    private static func pageList(_ model: ClientModel) -> [ReferencePage] {
        [.index] + model.groups.map(ReferencePage.group) + model.types.map(ReferencePage.type)
    }

    /// What each template is given for `model`, file by file, `ApiClient` last: the contexts
    /// `render` and `renderApiClient` print (`specforge dump-model --template-context`).
    public static func contexts(for model: ClientModel) -> [TemplateContext] {
        let header = ViewModels.header(model)
        let commonSecurity = ViewModels.commonSecurity(model)
        let types = model.types.map { declaration in
            let (template, values) = ViewModels.declaration(declaration, header: header)
            return TemplateContext(path: "Models/\(declaration.name).swift", template: template, values: values)
        }
        let groups = model.groups.map { group in
            TemplateContext(
                path: "APIs/\(group.typeName).swift",
                template: "Api",
                values: ViewModels.group(group, header: header, commonSecurity: commonSecurity)
            )
        }
        let client = TemplateContext(
            path: "ApiClient.swift",
            template: "ApiClient",
            values: ViewModels.apiClient(model, header: header)
        )
        return types + groups + [client]
    }
}

/// One reference page, before its context is built.
private enum ReferencePage: Sendable {
    case index
    case group(APIGroup)
    case type(TypeDeclaration)

    func context(_ pages: ReferencePages) -> TemplateContext {
        switch self {
        case .index:
            return TemplateContext(path: "README.md", template: "DocsIndex", values: pages.index())
        case .group(let group):
            return TemplateContext(path: "APIs/\(group.typeName).md", template: "DocsApi", values: pages.group(group))
        case .type(let declaration):
            return TemplateContext(
                path: "Models/\(declaration.name).md",
                template: "DocsModel",
                values: pages.type(declaration)
            )
        }
    }
}

/// One template's input: the file it renders and the values it sees (see `TemplateContract`).
public struct TemplateContext: @unchecked Sendable {
    public var path: String
    public var template: String
    /// Text, flags, lists of text, lists of objects and objects, nested: what JSON can hold.
    /// (Unchecked sendability: only immutable value types, built and then only read.)
    public var values: [String: Any]
}
