import Foundation
import SpecforgeDiagnostics
import XCTest

@testable import SpecforgeParser

/// JSON read as JSON: the same located tree as the YAML reader gives for valid JSON, JSON's
/// rules for everything else, and errors where the text goes wrong.
final class JSONLoaderTests: XCTestCase {
    private func load(_ text: String, limits: LoaderLimits = LoaderLimits()) throws(Diagnostic) -> Node {
        try JSONLoader.load(Array(text.utf8), file: "doc.json", limits: limits)
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try load(text)
            XCTFail("accepted: \(text)", file: file, line: line)
            return ""
        } catch {
            return error.description
        }
    }

    func testNodesKnowTheirLineAndColumn() throws {
        let root = try load("{\n  \"a\": {\"b\": [1, \"x\\/y\", true, null, -2.5e3]},\n  \"é\": \"ü\"\n}")
        let items = try XCTUnwrap(root["a"]?["b"]?.sequence)
        XCTAssertEqual(items.map(\.string), ["1", "x/y", "true", "null", "-2.5e3"])
        XCTAssertEqual(items.map { $0.scalar!.isPlain }, [true, false, true, true, true])
        XCTAssertEqual(items[1].location, SourceLocation(file: "doc.json", line: 2, column: 18))
        XCTAssertEqual(root.mapping?.entry("é")?.keyLocation, SourceLocation(file: "doc.json", line: 3, column: 3))
        XCTAssertEqual(root["é"]?.location.column, 8, "columns count characters, not bytes")
        XCTAssertEqual(root.weight, 9)
    }

    func testEscapesAndSurrogatePairs() throws {
        // What Python's json.dump writes for 🤔 and é.
        let root = try load(#"{"emoji": "\ud83e\udd14", "e": "caf\u00e9", "all": "\"\\\/\b\f\n\r\t"}"#)
        XCTAssertEqual(root["emoji"]?.string, "🤔")
        XCTAssertEqual(root["e"]?.string, "café")
        XCTAssertEqual(root["all"]?.string, "\"\\/\u{8}\u{C}\n\r\t")
    }

    func testMistakesAreReportedWhereTheyAre() {
        XCTAssertEqual(error("{\"a\": 1,}"), "doc.json:1:8: error: invalid JSON: a trailing comma before '}'")
        XCTAssertEqual(error("[1, 2,\n]"), "doc.json:1:6: error: invalid JSON: a trailing comma before ']'")
        XCTAssertEqual(
            error("{\n  \"a\": \"open\n}"),
            "doc.json:2:13: error: invalid JSON: unterminated string (a line break must be written \\n)"
        )
        XCTAssertEqual(
            error(#"{"a": "\ud83e"}"#),
            "doc.json:1:8: error: invalid JSON: unpaired surrogate \\uD83E (a high surrogate needs a low one after it)"
        )
        XCTAssertEqual(
            error(#"{"a": "\udd14"}"#),
            "doc.json:1:8: error: invalid JSON: unpaired surrogate \\uDD14 (a low surrogate with no high one before it)"
        )
        XCTAssertEqual(error("{\"a\": 01}"), "doc.json:1:8: error: invalid JSON: a number may not start with 0")
        XCTAssertEqual(
            error("{\"a\": 1} // note"),
            "doc.json:1:10: error: invalid JSON: unexpected text after the JSON document"
        )
        XCTAssertEqual(error("{\"a\": tru}"), "doc.json:1:7: error: invalid JSON: expected a value, found 't'")
        XCTAssertEqual(error("{a: 1}"), "doc.json:1:2: error: invalid JSON: expected a member name in double quotes")
        XCTAssertEqual(
            error("{\"a\" 1}"),
            "doc.json:1:6: error: invalid JSON: expected ':' after the member name \"a\""
        )
        XCTAssertEqual(
            error("{\"a\": 1 \"b\": 2}"),
            "doc.json:1:9: error: invalid JSON: expected ',' or '}' after a member"
        )
        XCTAssertEqual(error("{\"a\": 1, \"a\": 2}"), "doc.json:1:10: error: duplicate key 'a'")
        XCTAssertEqual(error("{\"a\": [1"), "doc.json:1:9: error: invalid JSON: the document ends inside an array")
        XCTAssertEqual(error("{\"a\": \"\\x\"}"), "doc.json:1:8: error: invalid JSON: invalid escape '\\x'")
        XCTAssertEqual(
            error("{\"a\": \"\t\"}"),
            "doc.json:1:8: error: invalid JSON: control character U+0009 in a string; write it as an escape"
        )
        XCTAssertEqual(error("  "), "doc.json:1:3: error: invalid JSON: the document is empty")
        var limits = LoaderLimits()
        limits.maxDepth = 3
        XCTAssertThrowsError(try load("[[[[1]]]]", limits: limits)) {
            XCTAssertEqual("\($0)", "doc.json:1:4: error: the document nests deeper than 3 levels")
        }
    }

    func testInvalidUTF8IsRejected() {
        XCTAssertThrowsError(try JSONLoader.load([0x22, 0xC3, 0x28, 0x22], file: "doc.json")) {
            XCTAssertEqual("\($0)", "doc.json:1:2: error: invalid JSON: invalid UTF-8")
        }
        XCTAssertThrowsError(
            try JSONLoader.load([0x22, 0xED, 0xA0, 0x80, 0x22], file: "doc.json"),
            "an encoded surrogate"
        )
    }

    /// On a real document both readers build the same tree, node for node and position for
    /// position.
    func testSameTreeAsTheYAMLReaderOnCVAT() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Paths.cvat("2.72.0.json"))))
        let json = try JSONLoader.load(bytes, file: "cvat.json")
        let yaml = try YAMLLoader.load(bytes, file: "cvat.json")
        XCTAssertEqual(json.jsonText, yaml.jsonText)
        var pairs = [(json, yaml)]
        var compared = 0
        while let (a, b) = pairs.popLast() {
            compared += 1
            XCTAssertEqual(a.location, b.location)
            XCTAssertEqual(a.scalar?.isPlain, b.scalar?.isPlain, "\(a.location)")
            if let x = a.mapping, let y = b.mapping {
                XCTAssertEqual(x.entries.map(\.keyLocation), y.entries.map(\.keyLocation))
                pairs += zip(x.entries.map(\.value), y.entries.map(\.value)).map { ($0, $1) }
            } else if let x = a.sequence, let y = b.sequence {
                pairs += zip(x, y).map { ($0, $1) }
            }
            if compared > 1_000_000 { break }
        }
        XCTAssertGreaterThan(compared, 10_000, "the whole document was walked")
    }

    /// `.json` files are held to JSON; other files that start with a brace fall back to YAML.
    func testDocumentTextChoosesTheReader() throws {
        XCTAssertThrowsError(try DocumentText.parse(Array("{\"a\": 1,}".utf8), file: "api.json"))
        let flow = try DocumentText.parse(Array("{a: 1, b: [x,]}".utf8), file: "api.yaml")
        XCTAssertEqual(flow["a"]?.string, "1")
        let json = try DocumentText.parse(Array("{\"a\": \"\\ud83e\\udd14\"}".utf8), file: "api.yaml")
        XCTAssertEqual(json["a"]?.string, "🤔", "JSON in a .yaml file is read as JSON")
    }
}
