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

    /// One property of each kind `ModelField` codes differently: required and optional
    /// numbers, strings and Booleans (the containers' own overloads), required and optional
    /// other types, a nested model, and an `@Indirect` property (read through its key path, as
    /// it has no fixed offset).
    private struct Mixed: APIObject {
        var name: String
        var score: Double
        var active: Bool?
        var count: Int?
        var shape: Shape
        var tags: [String]?
        var created: Date
        @Indirect var next: Mixed?

        init(
            name: String,
            score: Double = 0.5,
            active: Bool? = nil,
            count: Int? = nil,
            shape: Shape = Shape(frameIndex: 1, points: []),
            tags: [String]? = nil,
            created: Date = Date(timeIntervalSince1970: 0),
            next: Mixed? = nil
        ) {
            self.name = name
            self.score = score
            self.active = active
            self.count = count
            self.shape = shape
            self.tags = tags
            self.created = created
            self.next = next
        }

        static let fields: [ModelField<Mixed>] = [
            ModelField("name", \.name),
            ModelField("score", \.score),
            ModelField("active", \.active),
            ModelField("count", \.count),
            ModelField("shape", \.shape),
            ModelField("tags", \.tags),
            ModelField("created", \.created),
            ModelField("next", \.next),
        ]

        init(from decoder: any Decoder) throws {
            let values = try ModelValues<Mixed>(decoder)
            self.name = values.name
            self.score = values.score
            self.active = values.active
            self.count = values.count
            self.shape = values.shape
            self.tags = values.tags
            self.created = values.created
            self.next = values.next
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
            #"{"created_date":"1970-01-01T00:00:00Z","frame_index":0,"id":7,"points":[]}"#
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

    func testEveryKindOfPropertyCodesComparesAndHashes() throws {
        let inner = Mixed(name: "inner", active: false, count: 0, tags: [])
        let outer = Mixed(name: "outer", score: 2, active: true, count: 3, tags: ["a"], next: inner)
        let json = try sortedJSON(outer)
        XCTAssertEqual(
            json,
            #"{"active":true,"count":3,"created":"1970-01-01T00:00:00Z","name":"outer","next":{"active":false,"#
                + #""count":0,"created":"1970-01-01T00:00:00Z","name":"inner","score":0.5,"#
                + #""shape":{"frame_index":1,"points":[]},"tags":[]},"score":2,"shape":{"frame_index":1,"points":[]},"#
                + #""tags":["a"]}"#
        )
        XCTAssertEqual(try Mixed(jsonData: Data(json.utf8)), outer)
        let sparse =
            #"{"name":"n","score":1,"shape":{"frame_index":1,"points":[]},"#
            + #""created":"1970-01-01T00:00:00Z","count":null}"#
        XCTAssertEqual(try Mixed(jsonData: Data(sparse.utf8)), Mixed(name: "n", score: 1))
        XCTAssertThrowsError(try Mixed(jsonData: Data(#"{"name":"n","score":"high"}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("at score: expected Double"), "\(error)")
        }

        var variants: [Mixed] = []
        for change in [
            { (model: inout Mixed) in model.name = "other" },
            { $0.score = 2.5 },
            { $0.active = nil },
            { $0.active = false },
            { $0.count = nil },
            { $0.shape.frameIndex = 9 },
            { $0.tags = nil },
            { $0.created = Date(timeIntervalSince1970: 1) },
            { $0.next = nil },
            { $0.next?.name = "changed" },
        ] as [(inout Mixed) -> Void] {
            var variant = outer
            change(&variant)
            XCTAssertNotEqual(variant, outer)
            variants.append(variant)
        }
        let copy = try Mixed(jsonData: Data(json.utf8))
        XCTAssertEqual(copy, outer)
        XCTAssertEqual(copy.hashValue, outer.hashValue)
        XCTAssertEqual(Set(variants + [outer, copy]).count, variants.count + 1)
    }

    func testRoundTripsThroughJSONObject() throws {
        let shape = Shape(id: 3, frameIndex: 1, points: [0, 1], label: "person")
        let object = try XCTUnwrap(try shape.jsonObject() as? [String: Any])
        XCTAssertEqual(object["frame_index"] as? Int, 1)
        XCTAssertEqual(try Shape(jsonObject: object), shape)
    }
}
