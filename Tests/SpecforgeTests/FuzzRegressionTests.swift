import Foundation
import SpecforgeDiagnostics
import SpecforgeModel
import SpecforgeParser
import XCTest

/// Replays the fuzzer's seeds and every input it ever found a problem with: each must end in a
/// document or a diagnostic, never a crash.
final class FuzzRegressionTests: XCTestCase {
    func testSeedsAndRegressionsLoadOrDiagnose() throws {
        let fuzz = Paths.repository.appendingPathComponent("Tests/Fuzz")
        var inputs: [URL] = []
        for folder in ["Seeds", "Regressions"] {
            let directory = fuzz.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            inputs += names.sorted().filter { !$0.hasPrefix(".") }.map { directory.appendingPathComponent($0) }
        }
        XCTAssertGreaterThanOrEqual(inputs.count, 2)
        for input in inputs {
            let bytes = [UInt8](try Data(contentsOf: input))
            do {
                let document = try DocumentLoader.load(contents: bytes, path: "/nonexistent/fuzz/input.yaml")
                _ = ModelTranslator.translate(document, options: ModelOptions())
            } catch {
                XCTAssertFalse(error.message.isEmpty, input.lastPathComponent)
            }
        }
    }
}
