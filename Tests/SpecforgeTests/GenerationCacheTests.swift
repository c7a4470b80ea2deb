import Foundation
import XCTest

/// A regeneration in which nothing changed is replayed from the output folder's manifest; any
/// change to what the run read or wrote means a full run again.
final class GenerationCacheTests: XCTestCase {
    private let unchanged = "nothing changed since the last run"

    /// A run that also writes reference pages is replayed too, unless a page was changed,
    /// removed or added by hand.
    func testRunsWithReferencePagesAreReplayed() throws {
        let scratch = try ScratchDirectory()
        let schema = try scratch.write("api.yaml", document(schemaName: "Pet"))
        let docs = scratch.path + "/docs"
        let command = ["generate", schema, "--output", scratch.path + "/out", "--docs", docs]
        let first = try runSpecforge(command)
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertFalse(first.standardOutput.contains(unchanged))
        try XCTAssertTrue(runSpecforge(command).standardOutput.contains(unchanged))
        try "edited".write(toFile: docs + "/Models/Pet.md", atomically: true, encoding: .utf8)
        try XCTAssertFalse(runSpecforge(command).standardOutput.contains(unchanged))
        XCTAssertNotEqual(try String(contentsOfFile: docs + "/Models/Pet.md", encoding: .utf8), "edited")
        try XCTAssertTrue(runSpecforge(command).standardOutput.contains(unchanged))
        try FileManager.default.removeItem(atPath: docs + "/README.md")
        try XCTAssertFalse(runSpecforge(command).standardOutput.contains(unchanged))
        XCTAssertTrue(FileManager.default.fileExists(atPath: docs + "/README.md"))
        try XCTAssertFalse(
            runSpecforge(Array(command.dropLast(2)) + ["--docs", scratch.path + "/other"]).standardOutput.contains(
                unchanged
            )
        )
    }

    func testUnchangedRunsAreReplayedAndEveryChangeRunsAgain() throws {
        let scratch = try ScratchDirectory()
        let schema = try scratch.write("api.yaml", document(schemaName: "Pet"))
        let output = scratch.path + "/out"
        let templates = scratch.path + "/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let command = ["generate", schema, "--output", output, "--templates", templates]

        let first = try runSpecforge(command)
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertFalse(first.standardOutput.contains(unchanged))
        XCTAssertEqual(first.standardError, warning(schema))
        let replay = try runSpecforge(command)
        XCTAssertTrue(replay.standardOutput.contains(unchanged), replay.standardOutput)
        XCTAssertEqual(replay.standardError, warning(schema), "diagnostics are replayed too")

        // The schema changes.
        try scratch.write("api.yaml", document(schemaName: "Dog"))
        try XCTAssertFalse(runSpecforge(command).standardOutput.contains(unchanged))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/Models/Dog.swift"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/Models/Pet.swift"))
        try XCTAssertTrue(runSpecforge(command).standardOutput.contains(unchanged))

        // A generated file is edited by hand: the full run puts it back.
        let model = output + "/Models/Dog.swift"
        let original = try String(contentsOfFile: model, encoding: .utf8)
        try "// edited\n".write(toFile: model, atomically: true, encoding: .utf8)
        try XCTAssertFalse(runSpecforge(command).standardOutput.contains(unchanged))
        XCTAssertEqual(try String(contentsOfFile: model, encoding: .utf8), original)

        // A template override appears.
        try scratch.write(
            "templates/TypeAlias.mustache",
            "{{> Header}}\n// custom\npublic typealias {{name}} = {{type}}\n"
        )
        try XCTAssertFalse(runSpecforge(command).standardOutput.contains(unchanged))
        XCTAssertTrue(try String(contentsOfFile: output + "/Models/Names.swift", encoding: .utf8).contains("// custom"))

        // A generated file is deleted, or a file is added beside them.
        try FileManager.default.removeItem(atPath: model)
        try XCTAssertFalse(runSpecforge(command).standardOutput.contains(unchanged))
        XCTAssertTrue(FileManager.default.fileExists(atPath: model))
        try scratch.write("out/Mine.swift", "// the user's own file\n")
        try XCTAssertFalse(runSpecforge(command).standardOutput.contains(unchanged))

        // Other options, or --no-cache, are other commands.
        try XCTAssertFalse(runSpecforge(command + ["--module", "Other"]).standardOutput.contains(unchanged))
        try XCTAssertFalse(runSpecforge(command + ["--no-cache"]).standardOutput.contains(unchanged))
    }

    private func document(schemaName: String) -> String {
        """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            \(schemaName): {type: object, properties: {name: {type: string}}}
            Names: {type: array, items: {type: string}}
            Mixed: {type: [string, integer]}

        """
    }

    private func warning(_ schema: String) -> String {
        "\(schema):8:12: warning: a value of several types (string, integer) is mapped to JSONValue "
            + "[#/components/schemas/Mixed]\n"
    }
}
