import ArgumentParser
import Foundation
import SpecforgeDiagnostics
import SpecforgeDiff
import SpecforgeGenerator
import SpecforgeModel

/// `specforge diff OLD NEW`: what changed between two versions of an API, for a client.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report what changed between two versions of an API, and what it does to the Swift client.",
        discussion: """
            Each change has a stable rule id and a severity judged from a client's side (breaking, \\
            warning, info), and names the generated Swift symbols it adds, removes or changes. \\
            Exit status: 0 when no change reaches --fail-on, 1 when one does, 2 when a document \\
            cannot be read.
            """
    )

    @Argument(help: "The old document (any input `generate` accepts).")
    var old: String

    @Argument(help: "The new document.")
    var new: String

    @Option(name: .shortAndLong, help: "The configuration both clients are generated with.")
    var config: String?

    @Option(help: "text, markdown (a pull-request comment) or json.")
    var format: DiffFormat = .text

    @Option(help: "The severity that fails the run: breaking, warning or any.")
    var failOn: FailLevel = .breaking

    @Flag(help: "Also report documentation-only changes: summaries, descriptions, examples.")
    var includeDocs = false

    enum FailLevel: String, ExpressibleByArgument, CaseIterable {
        case breaking, warning, any

        var severity: Severity {
            switch self {
            case .breaking: .breaking
            case .warning: .warning
            case .any: .info
            }
        }
    }

    func run() throws {
        // The two documents are read and translated side by side, one per core: on CVAT, the
        // diff takes the time of one analysis rather than two.
        let config = self.config
        let old = self.old
        nonisolated(unsafe) var oldResult: Result<AnalyzedDocument, GenerationFailed>?
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            oldResult = Self.analyze(old, config: config)
            group.leave()
        }
        let newResult = Self.analyze(new, config: config)
        group.wait()
        // Diagnostics in a fixed order: the old document's, then the new one's.
        var failed = false
        for result in [oldResult!, newResult] {
            switch result {
            case .success(let model): printDiagnostics(model.warnings)
            case .failure(let failure):
                printDiagnostics(failure.diagnostics)
                failed = true
            }
        }
        guard case .success(let oldModel) = oldResult!, case .success(let newModel) = newResult, !failed else {
            throw ExitCode(2)
        }
        let report = DiffReport(
            old: old,
            new: new,
            changes: APIDiff.compare(oldModel.model, newModel.model, includeDocs: includeDocs)
        )
        print(report.formatted(as: format), terminator: "")
        if report.reaches(failOn.severity) {
            throw ExitCode.failure
        }
    }

    /// A document's intermediate model and its warnings, or the diagnostics that stop it.
    private static func analyze(_ schema: String, config: String?) -> Result<AnalyzedDocument, GenerationFailed> {
        let diagnostics = Diagnostics()
        do {
            let request = try GeneratorPipeline.Request.configured(
                schema: schema,
                output: nil,
                config: config,
                diagnostics: diagnostics
            )
            let model = try GeneratorPipeline.analyze(request, diagnostics: diagnostics)
            return .success(AnalyzedDocument(model: model, warnings: diagnostics.warnings))
        } catch {
            return .failure(error)
        }
    }
}

struct AnalyzedDocument: Sendable {
    let model: ClientModel
    let warnings: [Diagnostic]
}

extension DiffFormat: ExpressibleByArgument {}
