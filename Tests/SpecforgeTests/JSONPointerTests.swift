import SpecforgeParser
import XCTest

/// RFC 6901 escaping, which every pointer in a diagnostic and every `$ref` goes through.
final class JSONPointerTests: XCTestCase {
    func testEscapingAndDecodingRoundTrip() {
        XCTAssertEqual(JSONPointer.escape("/tasks/{id}"), "~1tasks~1{id}")
        XCTAssertEqual(JSONPointer.escape("a~b/c"), "a~0b~1c")
        XCTAssertEqual(JSONPointer.escape("plain"), "plain")
        XCTAssertEqual(JSONPointer.appending("#/paths", "/tasks"), "#/paths/~1tasks")
        XCTAssertEqual(JSONPointer.segments("#/paths/~1tasks~1{id}/get"), ["paths", "/tasks/{id}", "get"])
        // `~01` is `~0` then `1`: a tilde and a one, never a slash.
        XCTAssertEqual(JSONPointer.segments("#/a~01"), ["a~1"])
        XCTAssertEqual(JSONPointer.segments("#/a~"), ["a~"], "a trailing tilde is kept")
        XCTAssertEqual(JSONPointer.segments("#/a%20b"), ["a b"])
        for name in ["x/y~z", "~~//", "é/ü"] {
            XCTAssertEqual(JSONPointer.segments("#/" + JSONPointer.escape(name)), [name])
        }
    }
}
