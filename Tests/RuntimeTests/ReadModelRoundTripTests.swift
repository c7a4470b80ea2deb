import CVAT
import Foundation
import SpecforgeRuntime
import XCTest

/// Every read model of CVAT 2.72, decoded from a body built from its schema with values at the
/// edges and encoded back, gives the same JSON: date-times in the years 0001 and 9999 to the
/// microsecond (Python's `datetime.min` and `datetime.max`), `null` in properties without a
/// type, lower-case UUIDs. And a map whose keys differ only in Unicode normalization is an
/// error that names them, not a silently lost value.
final class ReadModelRoundTripTests: XCTestCase {
    private static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/cvat/cvat-2.72.0.json")

    func testEveryReadModelRoundTripsValuesAtTheEdges() throws {
        let document = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any]
        )
        let schemas = try XCTUnwrap((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        var checked = 0
        for name in schemas.keys.sorted() where !name.hasSuffix("Request") {
            guard let type = Self.model(named: name) else { continue }
            for edge in [Edge.earliest, .latest] {
                var builder = BodyBuilder(schemas: schemas, edge: edge)
                let body = builder.value(for: ["$ref": "#/components/schemas/" + name], depth: 0)
                let data = try JSONSerialization.data(withJSONObject: body, options: [.fragmentsAllowed])
                let decoded: any APIModel
                do {
                    decoded = try JSONCoding.decode(type, from: data)
                } catch {
                    XCTFail("\(name) (\(edge)): \(error)\n\(String(decoding: data, as: UTF8.self))")
                    continue
                }
                let encoded = try JSONCoding.encode(decoded)
                let again = try JSONSerialization.jsonObject(with: encoded, options: [.fragmentsAllowed])
                let canonical: (Any) throws -> Data = {
                    try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed])
                }
                XCTAssertEqual(
                    try canonical(again),
                    try canonical(body),
                    "\(name) (\(edge)) changed:\n\(String(decoding: data, as: UTF8.self))\n"
                        + String(decoding: encoded, as: UTF8.self)
                )
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100, "read models found")
    }

    /// `{"é": 1, "é": 2}`, NFC and NFD: two JSON keys that a `[String: …]` cannot keep apart.
    func testKeysThatDifferOnlyInNormalizationAreAnError() throws {
        let body = Data("{\"labels\": {\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}}".utf8)
        XCTAssertThrowsError(try JSONCoding.decode([String: [String: Int]].self, from: body)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("U+00E9") && text.contains("U+0065 U+0301"), text)
            XCTAssertTrue(text.contains("labels"), text)
        }
        // Escaped spellings are read as the same characters.
        let escaped = Data(#"[{"caf\u00e9": 1, "cafe\u0301": 2}]"#.utf8)
        XCTAssertThrowsError(try JSONCoding.decode([[String: Int]].self, from: escaped))
        // Keys that are different characters stay apart.
        let distinct = Data("{\"caf\u{E9}\": 1, \"cafe\": 2, \"\u{212B}\": 3, \"x\": \"\u{E9}\"}".utf8)
        XCTAssertEqual(try JSONCoding.decode([String: JSONValue].self, from: distinct).count, 4)
    }

    func testDateTimeIsExactInEveryYear() throws {
        for text in [
            "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000001Z", "1600-02-29T12:00:00.5Z",
            "6850-09-19T03:28:42.887Z", "9999-12-31T23:59:59.999999Z", "2026-12-06T10:00:00.123456789Z",
        ] {
            let value = try XCTUnwrap(DateTime(text), text)
            XCTAssertEqual(value.description, text)
            XCTAssertEqual(String(decoding: try JSONCoding.encode(value), as: UTF8.self), "\"\(text)\"")
        }
        XCTAssertEqual(DateTime("2026-11-23T15:30:00.25+05:30")?.description, "2026-11-23T10:00:00.25Z")
        XCTAssertEqual(DateTime(Date(timeIntervalSince1970: 1.5)).description, "1970-01-01T00:00:01.5Z")
        XCTAssertEqual(DateTime(secondsSince1970: -1, nanoseconds: 1_500_000_000).description, "1970-01-01T00:00:00.5Z")
        XCTAssertEqual(DateTime("2024-05-01T00:00:00Z")?.date, Date(timeIntervalSince1970: 1_714_521_600))
        XCTAssertLessThan(DateTime("0001-01-01T00:00:00Z")!, DateTime("0001-01-01T00:00:00.000001Z")!)
        XCTAssertNil(DateTime("2024-02-30T00:00:00Z"))
    }

    func testUUIDsInJSONBodiesAreLowerCase() throws {
        let id = try XCTUnwrap(UUID(uuidString: "E3E70682-C209-4CAC-A29F-6FBED82C07CD"))
        XCTAssertEqual(
            String(decoding: try JSONCoding.encode([id]), as: UTF8.self),
            #"["e3e70682-c209-4cac-a29f-6fbed82c07cd"]"#
        )
    }

    /// The generated type for a schema name, found by its mangled name (a struct, or a union's enum).
    private static func model(named name: String) -> (any APIModel.Type)? {
        for kind in ["V", "O"] {
            if let type = _typeByName("4CVAT\(name.utf8.count)\(name)\(kind)") as? any APIModel.Type { return type }
        }
        return nil
    }
}

private enum Edge: CustomStringConvertible {
    case earliest, latest

    var description: String { self == .earliest ? "year 0001" : "year 9999" }
}

/// A JSON value valid under a schema of the document, with every property present.
private struct BodyBuilder {
    let schemas: [String: Any]
    let edge: Edge
    var counter = 0

    mutating func value(for schema: [String: Any], depth: Int) -> Any {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last!)
            return value(for: schemas[name] as? [String: Any] ?? [:], depth: depth)
        }
        if let members = (schema["allOf"] as? [[String: Any]]) {
            var merged: [String: Any] = [:]
            for member in members {
                if let object = value(for: member, depth: depth) as? [String: Any] {
                    merged.merge(object) { _, new in new }
                }
            }
            return merged.isEmpty ? value(for: members[0], depth: depth) : merged
        }
        if let members = (schema["oneOf"] ?? schema["anyOf"]) as? [[String: Any]] {
            let concrete = members.first {
                ($0["type"] as? String) != "null" && $0["$ref"] as? String != "#/components/schemas/NullEnum"
            }
            return concrete.map { value(for: $0, depth: depth) } ?? NSNull()
        }
        if let values = schema["enum"] as? [Any], let first = values.first { return first }
        guard let type = schema["type"] as? String else {
            // No type: any value, `null` included, which must survive the round trip.
            return NSNull()
        }
        counter += 1
        switch type {
        case "object":
            // Arrays and maps stop the descent (they may be empty); objects are always whole.
            guard depth < 24 else { return [String: Any]() }
            var object: [String: Any] = [:]
            for (key, property) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if property["writeOnly"] as? Bool == true { continue }
                object[key] = value(for: property, depth: depth + 1)
            }
            if let values = schema["additionalProperties"] as? [String: Any], depth < 3 {
                object["key"] = value(for: values, depth: depth + 1)
            }
            return object
        case "array":
            guard depth < 3, let items = schema["items"] as? [String: Any] else { return [Any]() }
            return [value(for: items, depth: depth + 1)]
        case "string":
            switch schema["format"] as? String {
            case "date-time": return edge == .earliest ? "0001-01-01T00:00:00.000001Z" : "9999-12-31T23:59:59.999999Z"
            case "date": return edge == .earliest ? "0001-01-01" : "9999-12-31"
            case "uuid": return "e3e70682-c209-4cac-a29f-6fbed82c07cd"
            case "uri": return "https://cvat.example/api/x"
            case "binary": return "bytes"
            default: return "text \(counter)"
            }
        case "integer": return counter
        case "number": return Double(counter) + 0.5
        case "boolean": return counter % 2 == 0
        default: return NSNull()
        }
    }
}
