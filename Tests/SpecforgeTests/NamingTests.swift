import Foundation
import XCTest

@testable import SpecforgeModel

final class NamingTests: XCTestCase {
    /// The names a schema may not take include every public type of the runtime, read from its
    /// sources, and a schema named like one of them is renamed.
    func testRuntimeTypeNamesAreTheRuntimesPublicTypes() throws {
        let runtime = Paths.repository.appendingPathComponent("Sources/Runtime")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: runtime.path)).compactMap { $0 as? String }
        let declaration = try NSRegularExpression(
            pattern: #"^public (?:final )?(?:struct|enum|class|protocol|typealias|actor) ([A-Za-z_][A-Za-z0-9_]*)"#,
            options: .anchorsMatchLines
        )
        var declared: Set<String> = []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: runtime.appendingPathComponent(file), encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                declared.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        XCTAssertGreaterThan(declared.count, 20)
        XCTAssertEqual(declared.subtracting(SwiftNames.runtimeTypeNames).sorted(), [], "add them to runtimeTypeNames")
        XCTAssertEqual(SwiftNames.runtimeTypeNames.subtracting(declared).sorted(), [], "no longer in the runtime")
        let (model, _) = try translate(
            "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n"
                + "components: {schemas: {HTTPHeaders: {type: object, properties: {a: {type: string}}}}}\n"
        )
        XCTAssertEqual(model.types.map(\.name), ["HTTPHeadersModel"])
    }

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
        XCTAssertEqual(SwiftNames.memberName("GUILD_TEXT"), "guildText", "SCREAMING_SNAKE_CASE is words")
        XCTAssertEqual(SwiftNames.memberName("AWS_S3_BUCKET"), "awsS3Bucket")
        XCTAssertEqual(SwiftNames.memberName("imageURL"), "imageURL", "an acronym in mixed case stays")
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
