import Foundation
import SpecforgePostProcessor
import XCTest

/// `generate --check` names what would be new, changed and removed, and `--check --diff`
/// shows it as a unified diff.
final class CheckModeTests: XCTestCase {
    func testCheckSaysNewChangedAndRemovedAndDiffShowsIt() throws {
        let scratch = try ScratchDirectory()
        let schema = try scratch.write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Kept: {type: object, properties: {a: {type: string}}}
                Gone: {type: object, properties: {b: {type: string}}}
            """
        )
        let output = scratch.path + "/out"
        XCTAssertEqual(try runSpecforge(["generate", schema, "--output", output]).status, 0)
        let before = try String(contentsOfFile: output + "/Models/Kept.swift", encoding: .utf8)
        try String(contentsOfFile: schema, encoding: .utf8)
            .replacingOccurrences(
                of: "Gone: {type: object, properties: {b: {type: string}}}",
                with: "Added: {type: string}"
            )
            .replacingOccurrences(of: "a: {type: string}", with: "a: {type: integer}")
            .write(toFile: schema, atomically: true, encoding: .utf8)

        let check = try runSpecforge(["generate", schema, "--output", output, "--check"])
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(
            check.standardOutput,
            """
            3 generated file(s) differ from the schema:
              new:     \(output)/Models/Added.swift
              changed: \(output)/Models/Kept.swift
              removed: \(output)/Models/Gone.swift

            """
        )
        let diff = try runSpecforge(["generate", schema, "--output", output, "--check", "--diff"])
        XCTAssertEqual(diff.status, 1)
        XCTAssertTrue(diff.standardOutput.contains("--- /dev/null\n+++ \(output)/Models/Added.swift\n@@ -0,0 +1,"))
        XCTAssertTrue(diff.standardOutput.contains("-    public var a: String?\n+    public var a: Int?\n"))
        XCTAssertTrue(diff.standardOutput.contains("--- \(output)/Models/Gone.swift\n+++ /dev/null\n@@ -1,"))
        XCTAssertEqual(try String(contentsOfFile: output + "/Models/Kept.swift", encoding: .utf8), before)

        XCTAssertEqual(try runSpecforge(["generate", schema, "--output", output]).status, 0)
        XCTAssertEqual(try runSpecforge(["generate", schema, "--output", output, "--check", "--diff"]).status, 0)
    }

    func testDiffIsMinimalAndInHunks() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...20).map { "line \($0)" }
        lines[1] = "changed 2"
        lines.remove(at: 15)
        lines.append("line 21")
        let diff = UnifiedDiff.text(old: old, new: lines.joined(separator: "\n") + "\n", oldLabel: "a", newLabel: "b")
        XCTAssertEqual(
            diff,
            """
            --- a
            +++ b
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +changed 2
             line 3
             line 4
             line 5
            @@ -13,8 +13,8 @@
             line 13
             line 14
             line 15
            -line 16
             line 17
             line 18
             line 19
             line 20
            +line 21

            """
        )
        XCTAssertEqual(UnifiedDiff.text(old: old, new: old, oldLabel: "a", newLabel: "b"), "")
    }
}
