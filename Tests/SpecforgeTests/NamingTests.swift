import XCTest

@testable import SpecforgeModel

final class NamingTests: XCTestCase {
    func testWordsSplitPunctuationAndHumps() {
        XCTAssertEqual(SwiftNames.words("HTTPServer_v2"), ["HTTP", "Server", "v2"])
        XCTAssertEqual(SwiftNames.words("tasks_create_backup_export"), ["tasks", "create", "backup", "export"])
        XCTAssertEqual(SwiftNames.words("x-organization"), ["x", "organization"])
        XCTAssertEqual(SwiftNames.words("RqId"), ["Rq", "Id"])
    }

    func testTypeAndMemberNames() {
        XCTAssertEqual(SwiftNames.typeName("task_write-request"), "TaskWriteRequest")
        XCTAssertEqual(SwiftNames.typeName("2fa"), "_2fa")
        XCTAssertEqual(SwiftNames.memberName("project_id"), "projectId")
        XCTAssertEqual(SwiftNames.memberName("URL"), "url")
        XCTAssertEqual(SwiftNames.memberName("X-Organization"), "xOrganization")
        XCTAssertEqual(SwiftNames.memberName("1d"), "_1d")
        XCTAssertEqual(SwiftNames.memberName("+"), "plus")
        XCTAssertEqual(SwiftNames.memberName(">="), "greaterEqual")
        XCTAssertEqual(SwiftNames.memberName(""), "empty")
    }

    func testKeywordsAreEscapedAndReservedTypesRenamed() {
        XCTAssertEqual(SwiftNames.escaped("default"), "`default`")
        XCTAssertEqual(SwiftNames.escaped("name"), "name")
        XCTAssertEqual(SwiftNames.safeTypeName("Type"), "TypeModel")
        XCTAssertEqual(SwiftNames.safeTypeName("Protocol"), "ProtocolModel")
        XCTAssertEqual(SwiftNames.safeTypeName("Self"), "SelfModel")
        XCTAssertEqual(SwiftNames.safeTypeName("data"), "DataModel")
        XCTAssertEqual(SwiftNames.safeMemberName("hashValue"), "hashValueValue")
    }

    func testUniqueNamesIgnoreCase() {
        var names = UniqueNames()
        XCTAssertEqual(names.claim("Pet"), "Pet")
        XCTAssertEqual(names.claim("pet"), "pet2")
        XCTAssertEqual(names.claim("Pet"), "Pet3")
    }

    func testStringLiteralsCannotBeEscaped() {
        XCTAssertEqual(SwiftLiteral.string(#"a"b\c"#), #""a\"b\\c""#)
        XCTAssertEqual(SwiftLiteral.string("line\nbreak\u{0}"), #""line\nbreak\u{0}""#)
        XCTAssertEqual(SwiftLiteral.string("\u{202E}"), #""\u{202e}""#)
    }
}
