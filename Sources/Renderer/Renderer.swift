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
        let templates = self.templates
        return Self.codeContexts(for: model).concurrentMap { build in
            let context = build()
            return RenderedFile(path: context.path, contents: templates.render(context.template, context.context))
        }
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
            return RenderedFile(path: context.path, contents: templates.render(context.template, context.context))
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
    /// `render` prints (`specforge dump-model --template-context`).
    public static func contexts(for model: ClientModel) -> [TemplateContext] {
        codeContexts(for: model).map { $0() }
    }

    /// A file per type and per API group, and the `ApiClient` that groups every API: each
    /// context as the work that builds it, so that `render` builds them on every core.
    private static func codeContexts(for model: ClientModel) -> [@Sendable () -> TemplateContext] {
        let header = ViewModels.header(model)
        let commonSecurity = ViewModels.commonSecurity(model)
        let types = model.types.map { declaration -> @Sendable () -> TemplateContext in
            {
                let (template, context) = ViewModels.declaration(declaration, header: header)
                return TemplateContext(path: "Models/\(declaration.name).swift", template: template, context: context)
            }
        }
        let groups = model.groups.map { group -> @Sendable () -> TemplateContext in
            {
                TemplateContext(
                    path: "APIs/\(group.typeName).swift",
                    template: "Api",
                    context: ViewModels.group(group, header: header, commonSecurity: commonSecurity)
                )
            }
        }
        let client: @Sendable () -> TemplateContext = {
            TemplateContext(
                path: "ApiClient.swift",
                template: "ApiClient",
                context: ViewModels.apiClient(model, header: header)
            )
        }
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
            return TemplateContext(path: "README.md", template: "DocsIndex", context: pages.index())
        case .group(let group):
            return TemplateContext(path: "APIs/\(group.typeName).md", template: "DocsApi", context: pages.group(group))
        case .type(let declaration):
            return TemplateContext(
                path: "Models/\(declaration.name).md",
                template: "DocsModel",
                context: pages.type(declaration)
            )
        }
    }
}

/// One template's input: the file it renders and the values it sees (see `TemplateContract`).
public struct TemplateContext: @unchecked Sendable {
    public var path: String
    public var template: String
    /// The typed context the template is rendered with.
    /// (Unchecked sendability: only immutable value types, built and then only read.)
    let context: any TypedContext

    /// The context's values, as JSON could hold them: text, flags, lists of text, lists of
    /// objects and objects, nested.
    public var values: [String: Any] { context.dictionary }
}
