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

    public func render(_ model: ClientModel) -> [RenderedFile] {
        let header = ViewModels.header(model)
        var jobs: [(path: String, template: String, context: [String: Any])] = []
        for declaration in model.types {
            let (template, context) = ViewModels.declaration(declaration, header: header)
            jobs.append(("Models/\(declaration.name).swift", template, context))
        }
        for group in model.groups {
            jobs.append(("APIs/\(group.typeName).swift", "Api", ViewModels.group(group, header: header)))
        }
        return renderConcurrently(jobs)
    }

    /// The `ApiClient` that groups every API: rendered by the post-processor, which sees the
    /// whole output.
    public func renderApiClient(_ model: ClientModel) -> RenderedFile {
        let context = ViewModels.apiClient(model, header: ViewModels.header(model))
        return RenderedFile(path: "ApiClient.swift", contents: templates.render("ApiClient", context))
    }

    /// Files are independent, so they render on every core; the result keeps the job order.
    private func renderConcurrently(_ jobs: [(path: String, template: String, context: [String: Any])])
        -> [RenderedFile]
    {
        let results = UnsafeResults(count: jobs.count)
        let templates = self.templates
        nonisolated(unsafe) let jobs = jobs
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            results.set(index, RenderedFile(path: job.path, contents: templates.render(job.template, job.context)))
        }
        return results.values
    }
}

/// Slots written by exactly one concurrent iteration each, read after all of them finished.
/// A raw buffer, because concurrent writes through an array property would trip Swift's
/// exclusivity checks even though the slots never overlap.
private final class UnsafeResults: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<RenderedFile?>
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

    func set(_ index: Int, _ file: RenderedFile) {
        slots[index] = file
    }

    var values: [RenderedFile] { (0..<count).map { slots[$0]! } }
}
