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
        let oldModel = try analyze(old)
        let newModel = try analyze(new)
        let report = DiffReport(old: old, new: new, changes: APIDiff.compare(oldModel, newModel))
        print(report.formatted(as: format), terminator: "")
        if report.reaches(failOn.severity) {
            throw ExitCode.failure
        }
    }

    private func analyze(_ schema: String) throws -> ClientModel {
        let diagnostics = Diagnostics()
        do {
            let request = try GeneratorPipeline.Request.configured(
                schema: schema,
                output: nil,
                config: config,
                diagnostics: diagnostics
            )
            let model = try GeneratorPipeline.analyze(request, diagnostics: diagnostics)
            printDiagnostics(diagnostics.warnings)
            return model
        } catch {
            printDiagnostics(error.diagnostics)
            throw ExitCode(2)
        }
    }
}

extension DiffFormat: ExpressibleByArgument {}
