import ArgumentParser
import Foundation
import SpecforgeDiagnostics
import SpecforgeGenerator
import SpecforgeModel
import SpecforgePostProcessor
import SpecforgeRenderer

@main
struct Specforge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specforge",
        abstract: "Generates Swift client packages from OpenAPI documents.",
        version: SpecforgeVersion.current,
        subcommands: [Generate.self, Lint.self, Diff.self, DumpModel.self]
    )
}

/// Options shared by every command that reads a schema.
struct SchemaOptions: ParsableArguments {
    @Argument(
        help: """
            The OpenAPI document: OpenAPI 3.0 or 3.1, or Swagger 2.0; YAML or JSON; one file, or \
            several joined by relative $refs.
            """
    )
    var schema: String

    @Option(name: .shortAndLong, help: "A configuration file (YAML): module name, filters, name overrides.")
    var config: String?

    @Option(
        help: """
            The Swift module the client is built as (also `module:` in the config): the reference \
            pages' examples import it. Default: the output folder's name when it is a target's \
            (`Sources/MyClient`), else APIClient.
            """
    )
    var module: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func request(output: String?, diagnostics: Diagnostics) throws(GenerationFailed) -> GeneratorPipeline.Request {
        var request = try GeneratorPipeline.Request.configured(
            schema: schema,
            output: output,
            config: config,
            diagnostics: diagnostics
        )
        if let module {
            request.config.model.moduleName = module
        } else if request.config.model.moduleName == ModelOptions().moduleName, let output {
            // `--output Sources/MyClient`: a SwiftPM target's folder names the module.
            let url = URL(fileURLWithPath: output).standardizedFileURL
            let name = url.lastPathComponent
            if url.deletingLastPathComponent().lastPathComponent == "Sources",
                name.first.map({ $0.isLetter || $0 == "_" }) == true,
                name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            {
                request.config.model.moduleName = name
            }
        }
        request.strict = strict
        return request
    }
}

extension GeneratorPipeline.Request {
    /// A request for `schema` with the settings of the configuration file, if one is given; a
    /// configuration with errors fails with them.
    static func configured(
        schema: String,
        output: String?,
        config: String?,
        diagnostics: Diagnostics
    ) throws(GenerationFailed) -> Self {
        var request = GeneratorPipeline.Request(schemaPath: schema, outputDirectory: output)
        if let config {
            do {
                request.config = try GeneratorConfig.load(path: config, diagnostics: diagnostics)
            } catch {
                diagnostics.report(error)
            }
            if diagnostics.hasErrors { throw GenerationFailed(diagnostics.all) }
        }
        return request
    }
}

/// Prints diagnostics to standard error, one line each.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    printDiagnosticLines(diagnostics.map(\.description))
}

func printDiagnosticLines(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate (or, with --check, verify) a Swift client.",
        discussion: """
            Files are written only when their content changes; generated files that are no longer \
            produced are removed. Nothing is written when any error is found.
            """
    )

    @OptionGroup var schemaOptions: SchemaOptions

    @Option(name: .shortAndLong, help: "The directory that receives the generated sources.")
    var output: String

    @Option(help: "A directory of templates (NAME.mustache) that replace the built-in ones.")
    var templates: String?

    @Option(
        help: """
            Also write Markdown reference pages to this directory: an index, a page per API group \
            (with a Swift example of every operation) and a page per model.
            """
    )
    var docs: String?

    @Flag(help: "Write nothing; exit 1 and list the files that would be new, changed or removed.")
    var check = false

    @Flag(help: "With --check: also print what would change, as a unified diff.")
    var diff = false

    @Flag(name: .shortAndLong, help: "Print what was generated.")
    var verbose = false

    @Flag(help: "Always run every stage, even when nothing changed since the last run.")
    var noCache = false

    @Option(
        help: """
            Write ApiClient.swift and exactly this many Shard files (Shard00.swift, ...) instead of \
            a file per declaration, as the build-tool plugin does (also `shards:` in the config).
            """
    )
    var shards: Int?

    func validate() throws {
        if diff, !check { throw ValidationError("--diff goes with --check") }
        if let shards, !OutputLayout.shardRange.contains(shards) {
            throw ValidationError(
                "--shards must be from \(OutputLayout.shardRange.lowerBound) to \(OutputLayout.shardRange.upperBound)"
            )
        }
    }

    func run() throws {
        let cache = GenerationCache(
            outputDirectory: output,
            pagesDirectory: docs,
            command: [FileManager.default.currentDirectoryPath] + CommandLine.arguments.dropFirst()
        )
        if !check, !noCache, let entry = cache.lookUp() {
            printDiagnosticLines(entry.diagnostics)
            print(entry.summary + " (0 written, 0 removed; nothing changed since the last run)")
            return
        }
        let diagnostics = Diagnostics()
        do {
            var request = try schemaOptions.request(output: output, diagnostics: diagnostics)
            request.templatesDirectory = templates
            request.check = check
            request.docsDirectory = docs
            if let shards { request.layout = .shards(shards) }
            if !check { cache.invalidate() }
            let result = try GeneratorPipeline.run(request)
            printDiagnostics(result.diagnostics)
            try report(result)
            if !check { remember(result, request: request, in: cache) }
        } catch let failure as GenerationFailed {
            printDiagnostics(failure.diagnostics)
            throw ExitCode.failure
        }
    }

    /// Everything the run read, so that the next identical command can tell nothing changed.
    private func remember(
        _ result: GeneratorPipeline.Result,
        request: GeneratorPipeline.Request,
        in cache: GenerationCache
    ) {
        var inputs = result.inputFiles
        var listings: [String] = []
        if let config = schemaOptions.config { inputs.append(config) }
        if let folder = request.templatesDirectory ?? request.config.templatesDirectory {
            listings.append(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            inputs += names.map { folder + "/" + $0 }
        }
        cache.store(
            GenerationCache.Entry(diagnostics: result.diagnostics.map(\.description), summary: summary(result)),
            inputs: inputs,
            listings: listings,
            outputs: result.files.map { ($0.path, $0.contents) },
            pages: result.pages.map { ($0.path, $0.contents) }
        )
    }

    private func summary(_ result: GeneratorPipeline.Result) -> String {
        "\(result.model.groups.count) API groups, \(result.operationCount) operations, \(result.model.types.count) types; "
            + "\(result.files.count) files" + (result.pages.isEmpty ? "" : ", \(result.pages.count) pages")
    }

    private func report(_ result: GeneratorPipeline.Result) throws {
        var report = result.report ?? .init()
        // Paths as given on the command line, so that a diff applies from where it was run.
        var contents = Dictionary(result.files.map { (output + "/" + $0.path, $0.contents) }) { first, _ in first }
        report.written = report.written.map { output + "/" + $0 }
        report.created = report.created.map { output + "/" + $0 }
        report.removed = report.removed.map { output + "/" + $0 }
        if let pages = result.pagesReport, let docs {
            report.written += pages.written.map { docs + "/" + $0 }
            report.created += pages.created.map { docs + "/" + $0 }
            report.removed += pages.removed.map { docs + "/" + $0 }
            for page in result.pages { contents[docs + "/" + page.path] = page.contents }
        }
        if check {
            guard report.changed.isEmpty else {
                print("\(report.changed.count) generated file(s) differ from the schema:")
                let created = Set(report.created)
                for path in report.written {
                    print(created.contains(path) ? "  new:     \(path)" : "  changed: \(path)")
                }
                for path in report.removed { print("  removed: \(path)") }
                if diff {
                    for path in report.written + report.removed {
                        let old =
                            created.contains(path) ? "" : (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                        print(
                            UnifiedDiff.text(
                                old: old,
                                new: contents[path] ?? "",
                                oldLabel: created.contains(path) ? "/dev/null" : path,
                                newLabel: contents[path] == nil ? "/dev/null" : path
                            ),
                            terminator: ""
                        )
                    }
                }
                throw ExitCode.failure
            }
            print(
                "up to date: \(result.files.count) files"
                    + (result.pages.isEmpty ? "" : ", \(result.pages.count) pages")
            )
            return
        }
        if verbose {
            for path in report.written { print("wrote \(path)") }
            for path in report.removed { print("removed \(path)") }
        }
        print(summary(result) + " (\(report.written.count) written, \(report.removed.count) removed)")
    }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a schema and print its diagnostics; write nothing."
    )

    @OptionGroup var schemaOptions: SchemaOptions

    func run() throws {
        let diagnostics = Diagnostics()
        do {
            let request = try schemaOptions.request(output: nil, diagnostics: diagnostics)
            _ = try GeneratorPipeline.analyze(request, diagnostics: diagnostics)
            printDiagnostics(diagnostics.all)
            print("\(schemaOptions.schema): \(diagnostics.warnings.count) warning(s), no errors")
        } catch {
            printDiagnostics(error.diagnostics)
            throw ExitCode.failure
        }
    }
}

struct DumpModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-model",
        abstract: "Print the intermediate model, or what each template is given, as JSON (for writing templates)."
    )

    @OptionGroup var schemaOptions: SchemaOptions

    @Flag(
        help: """
            Print the context each template renders instead: one entry per generated file (the \
            code, then the reference pages of --docs), with the template's name and every key it \
            sees (listed in Templates/README.md).
            """
    )
    var templateContext = false

    func run() throws {
        let diagnostics = Diagnostics()
        do {
            let request = try schemaOptions.request(output: nil, diagnostics: diagnostics)
            let model = try GeneratorPipeline.analyze(request, diagnostics: diagnostics)
            printDiagnostics(diagnostics.all)
            if templateContext {
                let all = Renderer.contexts(for: model) + Renderer.pageContexts(for: model)
                let contexts = all.map { context -> [String: Any] in
                    ["file": context.path, "template": context.template, "context": context.values]
                }
                FileHandle.standardOutput.write(
                    try JSONSerialization.data(
                        withJSONObject: contexts,
                        options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    )
                )
            } else {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(model))
            }
            print()
        } catch let failure as GenerationFailed {
            printDiagnostics(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
