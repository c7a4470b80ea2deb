import Foundation
import XCTest

@testable import SpecforgeRuntime

/// A model whose `fields` disagree with its stored properties is caught (in debug builds the
/// first encoding or comparison stops the program with this message).
final class FieldsCheckTests: XCTestCase {
    private struct Complete: APIObject {
        var id: Int
        @Indirect var parent: Complete?
        static let fields: [ModelField<Complete>] = [ModelField("id", \.id), ModelField("parent", \.parent)]
        init(from decoder: any Decoder) throws {
            let values = try ModelValues<Complete>(decoder)
            self.id = values.id
            self.parent = values.parent
        }
        init(id: Int) {
            self.id = id
            self.parent = nil
        }
    }

    private struct MissingField: APIObject {
        var id: Int
        var name: String
        static let fields: [ModelField<MissingField>] = [ModelField("id", \.id)]
        init(from decoder: any Decoder) throws {
            let values = try ModelValues<MissingField>(decoder)
            self.id = values.id
            self.name = ""
        }
        init() {
            self.id = 1
            self.name = "x"
        }
    }

    private struct RepeatedName: APIObject {
        var a: Int
        var b: Int
        static let fields: [ModelField<RepeatedName>] = [ModelField("a", \.a), ModelField("a", \.b)]
        init(from decoder: any Decoder) throws {
            let values = try ModelValues<RepeatedName>(decoder)
            self.a = values.a
            self.b = values.b
        }
        init() {
            self.a = 1
            self.b = 2
        }
    }

    func testMatchingFieldsPass() throws {
        XCTAssertNil(FieldsCheck.problem(Complete(id: 1)))
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(Complete(id: 1)), as: UTF8.self), #"{"id":1}"#)
    }

    func testAStoredPropertyWithoutAFieldIsNamed() {
        XCTAssertEqual(
            FieldsCheck.problem(MissingField()),
            "MissingField stores 2 properties (id, name) but its fields list 1 (id): "
                + "every stored property needs its ModelField"
        )
    }

    func testAJSONNameListedTwiceIsNamed() {
        XCTAssertEqual(FieldsCheck.problem(RepeatedName()), "RepeatedName.fields lists a JSON name twice")
    }
}
