import Foundation
import SpecforgeDiagnostics
import SpecforgeModel
import SpecforgeParser
import SpecforgePostProcessor
import SpecforgeRenderer
import SpecforgeSupport

/// The whole pipeline in one place:
///
///     parse (libyaml → located nodes → OpenAPI document, refs resolved)
///       → translate (intermediate model: operations and types, names final)
///       → render (Mustache templates, one file per type and per API)
///       → post-process (ApiClient, layout, deterministic order)
///       → write (only changed files; stale generated files removed)
///
/// Nothing is written unless every stage succeeded, so a failed run leaves the previous output
/// exactly as it was.
public struct GeneratorPipeline {
    public struct Request: Sendable {
        public var schemaPath: String
        public var outputDirectory: String?
        public var config = GeneratorConfig()
        /// Overrides `config.templatesDirectory`.
        public var templatesDirectory: String?
        /// Compare with the output directory instead of writing.
        public var check = false
        /// Warnings fail the run.
        public var strict = false
        /// Overrides `config.layout`.
        public var layout: OutputLayout?
        /// Where to write the Markdown reference pages too (`--docs`); nil writes none.
        public var docsDirectory: String?

        public init(schemaPath: String, outputDirectory: String?) {
            self.schemaPath = schemaPath
            self.outputDirectory = outputDirectory
        }
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var model: ClientModel
        public var files: [RenderedFile]
        public var report: OutputWriter.Report?
        /// The reference pages, when `docsDirectory` was set, and what writing them did.
        public var pages: [RenderedFile] = []
        public var pagesReport: OutputWriter.Report?
        /// Every schema file read: the root document and those reached by `$ref`, sorted.
        public var inputFiles: [String]

        public var operationCount: Int { model.groups.reduce(0) { $0 + $1.operations.count } }
        public var lineCount: Int { files.reduce(0) { $0 + $1.contents.utf8.lazy.filter { $0 == 10 }.count } }
    }

    /// Parses and translates only: the diagnostics and the intermediate model.
    public static func analyze(_ request: Request, diagnostics: Diagnostics) throws(GenerationFailed) -> ClientModel {
        try analyzeReportingInputs(request, diagnostics: diagnostics).model
    }

    /// `analyze`, plus every file the schema was read from.
    private static func analyzeReportingInputs(_ request: Request, diagnostics: Diagnostics) throws(GenerationFailed)
        -> (model: ClientModel, inputFiles: [String])
    {
        let input: ResolvedDocument
        do {
            input = try DocumentLoader.load(path: request.schemaPath)
        } catch {
            diagnostics.report(error)
            throw GenerationFailed(diagnostics.all)
        }
        input.diagnostics.forEach(diagnostics.report)
        let translation = ModelTranslator.translate(input, options: request.config.model)
        translation.diagnostics.forEach(diagnostics.report)
        try failIfNeeded(diagnostics, strict: request.strict)
        return (translation.model, input.files)
    }

    /// Runs every stage and writes the output (or, with `check`, compares it).
    public static func run(_ request: Request) throws(GenerationFailed) -> Result {
        let diagnostics = Diagnostics()
        let overrides = request.templatesDirectory ?? request.config.templatesDirectory
        let templates = InBackground { Swift.Result { () throws(Diagnostic) in try TemplateSet(overrides: overrides) } }
        let (model, inputFiles) = try analyzeReportingInputs(request, diagnostics: diagnostics)
        let files: [RenderedFile]
        var pages: [RenderedFile] = []
        do {
            let renderer = Renderer(templates: try templates.value.get())
            files = PostProcessor.process(renderer.render(model), layout: request.layout ?? request.config.layout)
            if request.docsDirectory != nil { pages = PostProcessor.processPages(renderer.renderDocs(model)) }
        } catch {
            diagnostics.report(error)
            throw GenerationFailed(diagnostics.all)
        }
        var result = Result(diagnostics: diagnostics.all, model: model, files: files, inputFiles: inputFiles)
        result.pages = pages
        if let directory = request.outputDirectory {
            result.report = try write(files, to: OutputWriter(directory: directory), check: request.check, diagnostics)
        }
        if let directory = request.docsDirectory {
            let writer = OutputWriter(directory: directory, fileExtension: "md", marker: OutputWriter.pageMarker)
            result.pagesReport = try write(pages, to: writer, check: request.check, diagnostics)
        }
        return result
    }

    private static func write(
        _ files: [RenderedFile],
        to writer: OutputWriter,
        check: Bool,
        _ diagnostics: Diagnostics
    ) throws(GenerationFailed) -> OutputWriter.Report {
        do {
            return try writer.write(files, check: check)
        } catch {
            diagnostics.error(
                "cannot write to '\(writer.directory)': \(error.localizedDescription)",
                at: nil,
                pointer: nil
            )
            throw GenerationFailed(diagnostics.all)
        }
    }

    private static func failIfNeeded(_ diagnostics: Diagnostics, strict: Bool) throws(GenerationFailed) {
        if diagnostics.hasErrors || (strict && !diagnostics.warnings.isEmpty) {
            throw GenerationFailed(diagnostics.all)
        }
    }
}
