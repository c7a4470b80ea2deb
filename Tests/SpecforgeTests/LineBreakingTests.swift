import XCTest

@testable import SpecforgePostProcessor

/// Long lines are broken at their brackets the way swift-format breaks them; short ones, types
/// and string literals are left alone.
final class LineBreakingTests: XCTestCase {
    private func layout(_ line: String) -> String {
        var output: [UInt8] = []
        LineBreaking.append(ArraySlice(Array(line.utf8)), to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private let long = String(repeating: "x", count: 50)

    func testShortLinesStay() {
        XCTAssertEqual(layout("    let a = [1, 2, 3]"), "    let a = [1, 2, 3]\n")
    }

    func testCollectionsGetOneElementPerLineAndATrailingComma() {
        let line =
            "    public static let fields: [ModelField<T>] = [ModelField(\"\(long)\", \\.a), ModelField(\"b\", \\.b)]"
        XCTAssertEqual(
            layout(line),
            """
                public static let fields: [ModelField<T>] = [
                    ModelField("\(long)", \\.a),
                    ModelField("b", \\.b),
                ]

            """
        )
    }

    func testCallsGetNoTrailingCommaAndNestedListsBreakOnlyIfTheyMust() {
        let line =
            "        try await self.session.send(Self.\(long)Endpoint, [id, org], body: \(long), options: options)"
        XCTAssertEqual(
            layout(line),
            """
                    try await self.session.send(
                        Self.\(long)Endpoint,
                        [id, org],
                        body: \(long),
                        options: options
                    )

            """
        )
    }

    func testElementsThatStillDoNotFitAreBrokenAgain() {
        let element = ".init(\"\(long)\", in: .query, type: \"\(long)\", required: true)"
        XCTAssertEqual(
            layout("        parameters: [\(element), .init(\"a\", in: .path, type: \"Int\")],"),
            """
                    parameters: [
                        .init(
                            "\(long)",
                            in: .query,
                            type: "\(long)",
                            required: true
                        ),
                        .init("a", in: .path, type: "Int"),
                    ],

            """
        )
    }

    /// A one-element collection's element is measured with the comma it would have beside
    /// others: 120 columns without it still breaks.
    func testOneElementIsMeasuredWithItsComma() {
        let element = ".init(\"200\", type: \"" + String(repeating: "y", count: 120 - 12 - 22) + "\")"
        XCTAssertEqual(("            " + element).count, 120)
        XCTAssertEqual(
            layout("        responses: [\(element)],").split(separator: "\n").count,
            6,
            "the element is broken too"
        )
    }

    func testTypesCommentsAndStringsAreNotBroken() {
        let declaration = "    public var x: [\(long)\(long)]?"
        XCTAssertEqual(layout(declaration), declaration + "\n")
        let comment = "    /// see [\(long), \(long)]"
        XCTAssertEqual(layout(comment), comment + "\n")
        let literal = "    let a = f(\"\(long), (\(long))\")"
        XCTAssertEqual(layout(literal), "    let a = f(\n        \"\(long), (\(long))\"\n    )\n")
    }
}
