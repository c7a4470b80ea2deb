import Foundation
import SpecforgeDiagnostics
import SpecforgeDiff
import SpecforgeGenerator
import SpecforgeModel
import XCTest

/// `specforge diff`: every rule on hand-written documents, real changes between CVAT versions
/// (each expectation written from the two JSON documents), formats and exit codes.
final class DiffTests: XCTestCase {
    private static let before = """
        openapi: 3.0.3
        info: {title: Diff, version: "1"}
        servers: [{url: "https://old.example.com"}]
        security: [{basic: []}]
        paths:
          /items:
            get:
              operationId: items_list
              tags: [items]
              parameters:
                - {name: limit, in: query, schema: {type: integer}}
                - {name: filter, in: query, schema: {type: string}}
                - {name: sort, in: query, schema: {type: string}}
                - {name: token, in: query, required: true, schema: {type: string}}
                - {name: trace, in: query, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
                '404': {description: missing}
                '500': {description: failed, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
            post:
              operationId: items_create
              tags: [items]
              requestBody:
                content:
                  application/json: {schema: {$ref: '#/components/schemas/ItemRequest'}}
                  multipart/form-data: {schema: {$ref: '#/components/schemas/ItemRequest'}}
              responses: {'201': {description: created}}
          /items/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            delete:
              operationId: items_destroy
              tags: [items]
              responses: {'204': {description: gone}}
            put:
              operationId: items_update
              tags: [items]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/ItemRequest'}}}}
              responses: {'204': {description: ok}}
            patch:
              operationId: items_partial_update
              tags: [items]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/ItemRequest'}}}}
              responses: {'204': {description: ok}}
          /ping:
            post: {operationId: ping_create, tags: [ping], responses: {'204': {description: ok}}}
          /echo:
            post: {operationId: echo_create, tags: [ping], responses: {'204': {description: ok}}}
          /swap:
            post:
              operationId: swap_create
              tags: [ping]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
              responses: {'204': {description: ok}}
          /shapes:
            get:
              operationId: shapes_retrieve
              tags: [shapes]
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Shape'}}}}}
        components:
          securitySchemes:
            basic: {type: http, scheme: basic}
            legacy: {type: apiKey, in: header, name: X-Key}
          schemas:
            Item:
              type: object
              required: [id]
              properties:
                id: {type: integer}
                name: {type: string}
                old: {type: string}
                code: {type: integer}
                tag: {type: string}
                note: {type: string}
                kind: {$ref: '#/components/schemas/Kind'}
            ItemRequest:
              type: object
              required: [name]
              properties:
                name: {type: string}
                color: {$ref: '#/components/schemas/Color'}
            Kind: {type: string, enum: [a, b]}
            Color: {type: string, enum: [red, green, blue]}
            Error: {type: object, properties: {message: {type: string}}}
            Circle: {type: object, properties: {kind: {type: string}, radius: {type: number}}}
            Square: {type: object, properties: {kind: {type: string}, side: {type: number}}}
            Shape:
              oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]
              discriminator: {propertyName: kind}
            Gone: {type: object, properties: {x: {type: string}}}
            Morph: {type: object, properties: {x: {type: string}}}
        """

    private static let after = """
        openapi: 3.0.3
        info: {title: Diff, version: "2"}
        servers: [{url: "https://new.example.com"}]
        security: [{basic: []}]
        paths:
          /items:
            get:
              operationId: items_list
              tags: [items]
              parameters:
                - {name: limit, in: query, schema: {type: string}}
                - {name: sort, in: query, required: true, schema: {type: string}}
                - {name: token, in: query, schema: {type: string}}
                - {name: trace, in: header, schema: {type: string}}
                - {name: page, in: query, required: true, schema: {type: integer}}
                - {name: q, in: query, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Item'}}}}
                '206': {description: partial}
                '500': {description: failed, content: {application/problem+json: {schema: {$ref: '#/components/schemas/Error'}}}}
            post:
              operationId: items_create
              tags: [items]
              requestBody:
                content:
                  application/json: {schema: {$ref: '#/components/schemas/ItemRequest'}}
                  application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/ItemRequest'}}
              responses: {'201': {description: created}}
          /items/{item_id}:
            parameters: [{name: item_id, in: path, required: true, schema: {type: integer}}]
            put:
              operationId: items_replace
              deprecated: true
              tags: [items]
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/ItemRequest'}}}
              responses: {'204': {description: ok}}
            patch:
              operationId: items_partial_update
              tags: [items]
              responses: {'204': {description: ok}}
          /ping:
            post:
              operationId: ping_create
              tags: [ping]
              security: []
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}
              responses: {'204': {description: ok}}
          /echo:
            post:
              operationId: echo_create
              tags: [ping]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
              responses: {'204': {description: ok}}
          /swap:
            post:
              operationId: swap_create
              tags: [ping]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/ItemRequest'}}}}
              responses: {'204': {description: ok}}
          /shapes:
            get:
              operationId: shapes_retrieve
              tags: [shapes]
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Shape'}}}}}
          /health:
            get: {operationId: health_retrieve, tags: [health], responses: {'204': {description: up}}}
        components:
          securitySchemes:
            basic: {type: http, scheme: basic}
            bearer: {type: http, scheme: bearer}
          schemas:
            Item:
              type: object
              required: [id, name]
              properties:
                id: {type: integer}
                name: {type: string}
                code: {type: string}
                tag: {type: string, nullable: true}
                note: {type: string, readOnly: true}
                kind: {$ref: '#/components/schemas/Kind'}
                extra: {type: boolean}
            ItemRequest:
              type: object
              required: [owner]
              properties:
                name: {type: string}
                color: {$ref: '#/components/schemas/Color'}
                owner: {type: string}
                label: {type: string}
            Kind: {type: string, enum: [a, b, c]}
            Color: {type: string, enum: [red, green, cyan]}
            Error: {type: object, properties: {message: {type: string}}}
            Circle: {type: object, properties: {kind: {type: string}, radius: {type: number}}}
            Triangle: {type: object, properties: {kind: {type: string}, base: {type: number}}}
            Shape:
              oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Triangle'}]
              discriminator: {propertyName: type}
            Morph: {type: string, enum: [x]}
        """

    private func model(_ text: String, _ name: String) throws -> ClientModel {
        let (model, diagnostics) = try translate(text, file: name)
        XCTAssertEqual(diagnostics.errors.map(\.message), [])
        return model
    }

    private func model(_ path: String) throws -> ClientModel {
        var request = GeneratorPipeline.Request(schemaPath: path, outputDirectory: nil)
        request.config = try GeneratorConfig.load(
            path: Paths.repository.appendingPathComponent("Schemas/cvat.yaml").path,
            diagnostics: Diagnostics()
        )
        return try GeneratorPipeline.analyze(request, diagnostics: Diagnostics())
    }

    /// Every rule of the catalogue fires on the hand-written pair, with its severity.
    func testEveryRuleOnHandWrittenDocuments() throws {
        let changes = APIDiff.compare(try model(Self.before, "before.yaml"), try model(Self.after, "after.yaml"))
        let fired = Set(changes.map(\.rule))
        XCTAssertEqual(fired.symmetricDifference(DiffRule.catalogue.map(\.id)), [], "rules that did or did not fire")
        let severities = Dictionary(DiffRule.catalogue.map { ($0.id, $0.severity) }, uniquingKeysWith: { a, _ in a })
        for change in changes {
            XCTAssertEqual(change.severity, severities[change.rule], change.rule)
        }
        func find(_ rule: String) -> [APIChange] { changes.filter { $0.rule == rule } }
        XCTAssertEqual(find("operation-removed").map(\.symbols), [["ItemsApi.destroy(id:options:)"]])
        XCTAssertEqual(find("operation-removed").map(\.subject), ["DELETE /items/{id}"])
        // `/items/{id}` and `/items/{item_id}` are the same operations: renamed, not removed and added.
        XCTAssertEqual(
            find("operation-id-changed").map(\.symbols),
            [["ItemsApi.update(id:itemRequest:options:)", "ItemsApi.replace(itemId:itemRequest:options:)"]]
        )
        XCTAssertEqual(find("operation-added").map(\.symbols), [["HealthApi.retrieve(options:)"]])
        XCTAssertEqual(
            Set(find("parameter-added-required").map(\.message)),
            ["required query parameter 'page' was added"]
        )
        XCTAssertEqual(find("request-property-added-required").map(\.symbols), [["ItemRequest.owner"]])
        XCTAssertEqual(find("response-property-added").map(\.symbols), [["Item.extra"]])
        XCTAssertEqual(find("response-enum-value-added").map(\.symbols), [["Kind.c"]])
        XCTAssertEqual(find("request-enum-value-added").map(\.symbols), [["Color.cyan"]])
        XCTAssertEqual(find("enum-value-removed").map(\.symbols), [["Color.blue"]])
        XCTAssertEqual(
            find("property-nullable-changed").map(\.message),
            ["Item.tag may be null (String? → String??)"]
        )
        XCTAssertEqual(find("security-scheme-removed").map(\.subject), ["security scheme legacy"])
    }

    /// Two identical documents but for `info.version`: no change.
    func testCVATVersionsThatDifferOnlyInTheirVersionReportNothing() throws {
        for (old, new) in [("2.68.0", "2.69.0"), ("2.71.0", "2.72.0")] {
            let changes = APIDiff.compare(try model(Paths.cvat(old + ".json")), try model(Paths.cvat(new + ".json")))
            XCTAssertEqual(changes, [], "\(old) → \(new)")
        }
    }

    /// Changes read from the JSON of consecutive CVAT versions.
    func testChangesBetweenCVATVersions() throws {
        // 2.69 → 2.70: `patch` is gone from `/api/invitations/{key}`, with its body schema.
        var changes = APIDiff.compare(try model(Paths.cvat("2.69.0.json")), try model(Paths.cvat("2.70.0.json")))
        XCTAssertTrue(
            changes.contains {
                $0.rule == "operation-removed" && $0.subject == "PATCH /api/invitations/{key}"
                    && $0.symbols == ["InvitationsApi.partialUpdate(key:patchedInvitationWriteRequest:options:)"]
            },
            "\(changes)"
        )
        XCTAssertTrue(changes.contains { $0.rule == "type-removed" && $0.subject == "PatchedInvitationWriteRequest" })
        // 2.64 → 2.65: ChunkType's enum gains `audio_mp3`; tasks' responses carry it.
        changes = APIDiff.compare(try model(Paths.cvat("2.64.0.json")), try model(Paths.cvat("2.65.0.json")))
        XCTAssertTrue(
            changes.contains {
                $0.rule == "response-enum-value-added" && $0.message == "ChunkType gained the value 'audio_mp3'"
                    && $0.symbols == ["ChunkType.audioMp3"]
            },
            "\(changes.filter { $0.subject == "ChunkType" })"
        )
        // 2.70 → 2.71: QueueRequestCompleteInputRequest.shapes, a nullable array of ShapeRequest,
        // becomes a non-nullable array of AttributedShapeRequest (a new schema).
        changes = APIDiff.compare(try model(Paths.cvat("2.70.0.json")), try model(Paths.cvat("2.71.0.json")))
        let shapes = changes.filter { $0.symbols == ["QueueRequestCompleteInputRequest.shapes"] }.map(\.rule)
        XCTAssertEqual(Set(shapes), ["property-type-changed", "property-nullable-changed"])
        XCTAssertTrue(changes.contains { $0.rule == "type-added" && $0.subject == "AttributedShapeRequest" })
    }

    func testFormatsAndExitCodes() throws {
        let scratch = try ScratchDirectory()
        let before = try scratch.write("before.yaml", Self.before)
        let after = try scratch.write("after.yaml", Self.after)
        let same = try runSpecforge(["diff", before, before])
        XCTAssertEqual(same.status, 0)
        XCTAssertTrue(same.standardOutput.hasSuffix(": 0 breaking, 0 warnings, 0 info\n"), same.standardOutput)
        let breaking = try runSpecforge(["diff", before, after])
        XCTAssertEqual(breaking.status, 1)
        let markdown = try runSpecforge(["diff", before, after, "--format", "markdown", "--fail-on", "any"])
        XCTAssertEqual(markdown.status, 1)
        let lines = markdown.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[0].hasPrefix("**API changes** `"), String(lines[0]))
        XCTAssertTrue(lines.contains("### Breaking (\(Self.count(.breaking)))"), markdown.standardOutput)
        let json = try runSpecforge(["diff", before, after, "--format", "json"])
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        )
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary["breaking"], Self.count(.breaking))
        XCTAssertEqual((object["changes"] as? [Any])?.count, Self.allChanges.count)
        let unreadable = try runSpecforge(["diff", before, scratch.path + "/absent.yaml"])
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.standardError.contains("absent.yaml"), unreadable.standardError)
    }

    private static var allChanges: [APIChange] {
        (try? APIDiff.compare(translate(before, file: "b.yaml").model, translate(after, file: "a.yaml").model)) ?? []
    }

    private static func count(_ severity: Severity) -> Int {
        allChanges.filter { $0.severity == severity }.count
    }

    /// The README's rule catalogue is the code's.
    func testREADMEListsTheCatalogue() throws {
        let readme = try String(contentsOf: Paths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains("` | ") }
        let listed = rows.compactMap { row -> String? in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, DiffRule.catalogue.contains(where: { "`\($0.id)`" == cells[0] }) else { return nil }
            return cells[0] + " " + cells[1]
        }
        XCTAssertEqual(listed, DiffRule.catalogue.map { "`\($0.id)` \($0.severity.rawValue)" })
    }
}
