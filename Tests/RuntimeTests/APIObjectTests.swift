import Foundation
import SpecforgeRuntime
import XCTest

/// `APIObject` replaces the conformances the compiler used to synthesize for every model, so
/// these tests pin down that it behaves as they did: wire names, `nil` left out, missing keys,
/// `null`, equality and hashing over every property.
final class APIObjectTests: XCTestCase {
    private struct Shape: APIObject {
        var id: Int?
        var frameIndex: Int
        var points: [Double]
        var label: String?
        var createdDate: Date?

        init(id: Int? = nil, frameIndex: Int, points: [Double], label: String? = nil, createdDate: Date? = nil) {
            self.id = id
            self.frameIndex = frameIndex
            self.points = points
            self.label = label
            self.createdDate = createdDate
        }

        static let fields: [ModelField<Shape>] = [
            ModelField("id", \.id),
            ModelField("frame_index", \.frameIndex),
            ModelField("points", \.points),
            ModelField("label", \.label),
            ModelField("created_date", \.createdDate),
        ]

        init(from decoder: any Decoder) throws {
            let values = try ModelValues<Shape>(decoder)
            self.id = values.id
            self.frameIndex = values.frameIndex
            self.points = values.points
            self.label = values.label
            self.createdDate = values.createdDate
        }
    }

    /// Reads its properties in another order than `fields` lists them.
    private struct Reordered: APIObject {
        var first: String
        var second: Int?

        static let fields: [ModelField<Reordered>] = [
            ModelField("first", \.first),
            ModelField("second", \.second),
        ]

        init(from decoder: any Decoder) throws {
            let values = try ModelValues<Reordered>(decoder)
            self.second = values.second
            self.first = values.first
        }
    }

    private struct Empty: APIObject {
        static let fields: [ModelField<Empty>] = []

        init() {}

        init(from decoder: any Decoder) throws {
            _ = try ModelValues<Empty>(decoder)
        }
    }

    /// The JSON text with its keys sorted (`JSONEncoder` does not promise an order).
    private func sortedJSON(_ model: some APIModel) throws -> String {
        let object = try JSONSerialization.jsonObject(with: try model.jsonData())
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    func testEncodesWireNamesAndLeavesOutNil() throws {
        XCTAssertEqual(
            try sortedJSON(Shape(frameIndex: 3, points: [1, 2.5], label: nil)),
            #"{"frame_index":3,"points":[1,2.5]}"#
        )
        XCTAssertEqual(
            try sortedJSON(Shape(id: 7, frameIndex: 0, points: [], createdDate: Date(timeIntervalSince1970: 0))),
            #"{"created_date":"1970-01-01T00:00:00.000Z","frame_index":0,"id":7,"points":[]}"#
        )
    }

    func testDecodesPresentAbsentAndNullValues() throws {
        let json = #"{"frame_index": 4, "points": [0.5], "label": null, "extra": true, "id": 9}"#
        let shape = try Shape(jsonData: Data(json.utf8))
        XCTAssertEqual(shape, Shape(id: 9, frameIndex: 4, points: [0.5]))
        XCTAssertNil(shape.label, "null is nil")
        XCTAssertNil(shape.createdDate, "an absent optional is nil")
        let dated = try Shape(jsonData: Data(#"{"frame_index":1,"points":[],"created_date":"2024-05-01"}"#.utf8))
        XCTAssertEqual(dated.createdDate, Date(timeIntervalSince1970: 1_714_521_600))
    }

    func testMissingOrMistypedRequiredValuesAreErrors() {
        XCTAssertThrowsError(try Shape(jsonData: Data(#"{"points": []}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("at frame_index: required key is missing"), "\(error)")
        }
        XCTAssertThrowsError(try Shape(jsonData: Data(#"{"frame_index": "x", "points": []}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("at frame_index: expected Int"), "\(error)")
        }
        XCTAssertThrowsError(try Shape(jsonData: Data(#"{"frame_index": null, "points": []}"#.utf8)))
        XCTAssertThrowsError(try Shape(jsonData: Data("[]".utf8)), "a model is a JSON object")
        XCTAssertThrowsError(try Empty(jsonData: Data("3".utf8)), "even one without properties")
        XCTAssertNoThrow(try Empty(jsonData: Data(#"{"anything": 1}"#.utf8)))
    }

    func testReadsInAnyOrder() throws {
        let value = try Reordered(jsonData: Data(#"{"second": 2, "first": "one"}"#.utf8))
        XCTAssertEqual(value.first, "one")
        XCTAssertEqual(value.second, 2)
    }

    func testEveryPropertyTakesPartInEqualityAndHashing() {
        let base = Shape(id: 1, frameIndex: 2, points: [3], label: "car")
        let variants = [
            Shape(id: nil, frameIndex: 2, points: [3], label: "car"),
            Shape(id: 1, frameIndex: 5, points: [3], label: "car"),
            Shape(id: 1, frameIndex: 2, points: [3, 4], label: "car"),
            Shape(id: 1, frameIndex: 2, points: [3], label: nil),
            Shape(id: 1, frameIndex: 2, points: [3], label: "car", createdDate: Date(timeIntervalSince1970: 1)),
        ]
        for variant in variants {
            XCTAssertNotEqual(base, variant)
        }
        let copy = Shape(id: 1, frameIndex: 2, points: [3], label: "car")
        XCTAssertEqual(base, copy)
        XCTAssertEqual(base.hashValue, copy.hashValue)
        XCTAssertEqual(Set(variants + [base, copy]).count, variants.count + 1)
        XCTAssertEqual(Empty(), Empty())
    }

    func testRoundTripsThroughJSONObject() throws {
        let shape = Shape(id: 3, frameIndex: 1, points: [0, 1], label: "person")
        let object = try XCTUnwrap(try shape.jsonObject() as? [String: Any])
        XCTAssertEqual(object["frame_index"] as? Int, 1)
        XCTAssertEqual(try Shape(jsonObject: object), shape)
    }
}
