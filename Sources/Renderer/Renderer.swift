import Foundation
import SpecforgeModel

/// A generated file: its path inside the output directory and its text.
public struct RenderedFile: Sendable, Equatable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The renderer stage's entry point: prints the intermediate model through the templates, one
/// file per type and per API group.
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
        return types + groups
    }

    /// The `ApiClient` that groups every API: rendered by the post-processor, which sees the
    /// whole output.
    public func renderApiClient(_ model: ClientModel) -> RenderedFile {
        let context = ViewModels.apiClient(model, header: ViewModels.header(model))
        return RenderedFile(path: "ApiClient.swift", contents: templates.render("ApiClient", context))
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

extension Array where Element: Sendable {
    /// `map` on every core, for independent pieces of work; the result keeps the order.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = UnsafeResults<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(self[index]))
        }
        return results.values
    }
}

/// Slots written by exactly one concurrent iteration each, read after all of them finished.
/// A raw buffer, because concurrent writes through an array property would trip Swift's
/// exclusivity checks even though the slots never overlap.
private final class UnsafeResults<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: max(count, 1))
    }

    deinit {
        slots.deinitialize(count: max(count, 1))
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    var values: [Value] { (0..<count).map { slots[$0]! } }
}
