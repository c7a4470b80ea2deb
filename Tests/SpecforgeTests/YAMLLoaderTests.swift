import SpecforgeDiagnostics
import XCTest

@testable import SpecforgeParser

final class YAMLLoaderTests: XCTestCase {
    private func load(_ text: String, limits: LoaderLimits = LoaderLimits()) throws(Diagnostic) -> Node {
        try YAMLLoader.load(Array(text.utf8), file: "doc.yaml", limits: limits)
    }

    func testNodesKnowTheirLineAndColumn() throws {
        let root = try load("openapi: 3.0.3\npaths:\n  /pets:\n    get:\n      operationId: listPets\n")
        let operationId = try XCTUnwrap(root["paths"]?["/pets"]?["get"]?["operationId"])
        XCTAssertEqual(operationId.string, "listPets")
        XCTAssertEqual(operationId.location, SourceLocation(file: "doc.yaml", line: 5, column: 20))
        let entry = try XCTUnwrap(root["paths"]?.mapping?.entry("/pets"))
        XCTAssertEqual(entry.keyLocation.line, 3)
        XCTAssertEqual(entry.keyLocation.column, 3)
    }

    func testJSONGoesThroughTheSameParserWithPositions() throws {
        let root = try load("{\n  \"a\": {\"b\": [1, \"x\\/y\"]}\n}")
        let items = try XCTUnwrap(root["a"]?["b"]?.sequence)
        XCTAssertEqual(items.map(\.string), ["1", "x/y"])
        XCTAssertEqual(items[1].location.line, 2)
        XCTAssertEqual(items[1].location.column, 18)
        XCTAssertFalse(items[1].scalar!.isPlain, "quoted JSON strings are not plain scalars")
    }

    func testScalarResolutionKeepsQuotedTextAsStrings() throws {
        let root = try load("a: true\nb: 'true'\nc: null\nd: \"null\"\ne: 42")
        XCTAssertEqual(root["a"]?.scalar?.bool, true)
        XCTAssertNil(root["b"]?.scalar?.bool)
        XCTAssertTrue(root["c"]?.scalar?.isNull == true)
        XCTAssertFalse(root["d"]?.scalar?.isNull == true)
        XCTAssertEqual(root["e"]?.scalar?.integer, 42)
    }

    func testMalformedYAMLReportsLibyamlsProblemAndPosition() {
        XCTAssertThrowsError(try load("a: [1, 2\nb: c")) { error in
            let diagnostic = error as! Diagnostic
            XCTAssertEqual(diagnostic.severity, .error)
            XCTAssertEqual(diagnostic.location?.file, "doc.yaml")
            XCTAssertEqual(diagnostic.location?.line, 2)
            XCTAssertTrue(diagnostic.message.hasPrefix("invalid YAML:"), diagnostic.message)
        }
    }

    func testDuplicateKeysAreErrors() {
        XCTAssertThrowsError(try load("a: 1\nb: 2\na: 3")) { error in
            let diagnostic = error as! Diagnostic
            XCTAssertEqual(diagnostic.message, "duplicate key 'a'")
            XCTAssertEqual(diagnostic.location?.line, 3)
        }
    }

    func testAliasesShareNodesAndBombsAreCutOff() throws {
        let root = try load("a: &x {k: v}\nb: *x")
        XCTAssertTrue(root["a"] === root["b"], "an alias refers to its anchor's node")

        var bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<12 {
            let items = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            bomb += "l\(level): &l\(level) [\(items)]\n"
        }
        XCTAssertThrowsError(try load(bomb)) { error in
            XCTAssertTrue((error as! Diagnostic).message.contains("aliases expand the document"))
        }
    }

    func testDeepNestingIsRejectedWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try load(deep)) { error in
            XCTAssertTrue((error as! Diagnostic).message.contains("nests deeper than"))
        }
    }
}
