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
              summary: List items
              tags: [items]
              parameters:
                - {name: limit, in: query, schema: {type: integer}}
                - {name: ids, in: query, schema: {type: array, items: {type: integer}}}
                - {name: size, in: query, schema: {type: integer, default: 10, maximum: 100}}
                - {name: mode, in: query, description: How, schema: {type: string, example: fast}}
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
              required: [id, size]
              properties:
                id: {type: integer, minimum: 0}
                name: {type: string, maxLength: 64, example: first}
                size: {type: integer}
                status: {$ref: '#/components/schemas/StatusA1bEnum'}
                old: {type: string}
                code: {type: integer}
                tag: {type: string}
                note: {type: string}
                kind: {$ref: '#/components/schemas/Kind'}
            ItemRequest:
              type: object
              required: [name]
              properties:
                name: {type: string, maxLength: 64, pattern: '^a'}
                color: {$ref: '#/components/schemas/Color'}
                secret: {type: string}
                priority: {type: integer, default: 1, maximum: 10}
                legacy_flag: {type: boolean}
            Kind: {type: string, enum: [a, b], description: The kind}
            StatusA1bEnum: {type: string, enum: [open, closed]}
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
              summary: List the items
              tags: [items]
              parameters:
                - {name: limit, in: query, schema: {type: string}}
                - {name: ids, in: query, explode: false, schema: {type: array, items: {type: integer}}}
                - {name: size, in: query, schema: {type: integer, default: 20, maximum: 50}}
                - {name: mode, in: query, deprecated: true, description: How to list, schema: {type: string, example: slow}}
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
                id: {type: integer, minimum: 1}
                name: {type: string, example: second}
                size: {type: integer}
                status: {$ref: '#/components/schemas/StatusC2dEnum'}
                code: {type: string}
                tag: {type: string, nullable: true}
                note: {type: string, readOnly: true}
                kind: {$ref: '#/components/schemas/Kind'}
                extra: {type: boolean}
            ItemRequest:
              type: object
              required: [owner]
              properties:
                name: {type: string, maxLength: 32, pattern: '^b'}
                color: {$ref: '#/components/schemas/Color'}
                secret: {type: string, writeOnly: true}
                priority: {type: integer, default: 2, maximum: 100}
                legacy_flag: {type: boolean, deprecated: true}
                owner: {type: string}
                label: {type: string}
            Kind: {type: string, enum: [a, b, c], description: The kind of item}
            StatusC2dEnum: {type: string, enum: [open, closed]}
            Color: {type: string, enum: [red, green, cyan]}
            Error: {type: object, additionalProperties: false, properties: {message: {type: string}}}
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

    /// 3.1's enums of titled constants: a value inserted in the middle is one change named by its
    /// title, not a shift of positional cases (`case2` losing the value 2).
    func testTitledConstantsChangeByTitle() throws {
        func document(_ values: [(String, Int)]) -> String {
            let alternatives = values.map { "      - {title: \($0.0), const: \($0.1)}" }.joined(separator: "\n")
            return """
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /users/me:
                    get:
                      operationId: users_me
                      responses:
                        '200':
                          description: OK
                          content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}
                components:
                  schemas:
                    User:
                      type: object
                      properties: {premium: {$ref: '#/components/schemas/PremiumTypes'}}
                    PremiumTypes:
                      type: integer
                      oneOf:
                \(alternatives)
                """
        }
        let old = try model(document([("NONE", 0), ("TIER_1", 1), ("TIER_2", 2)]), "old.yaml")
        let new = try model(document([("NONE", 0), ("TIER_2", 2), ("TIER_3", 3)]), "new.yaml")
        let changes = APIDiff.compare(old, new)
        XCTAssertEqual(changes.map(\.rule), ["enum-value-removed", "response-enum-value-added"])
        XCTAssertEqual(changes.map(\.symbols), [["PremiumTypes.tier1"], ["PremiumTypes.tier3"]])
    }

    /// Every rule of the catalogue fires on the hand-written pair, with its severity.
    func testEveryRuleOnHandWrittenDocuments() throws {
        let old = try model(Self.before, "before.yaml")
        let new = try model(Self.after, "after.yaml")
        let changes = APIDiff.compare(old, new, includeDocs: true)
        XCTAssertEqual(
            APIDiff.compare(old, new).filter {
                ["summary-changed", "description-changed", "example-changed"].contains($0.rule)
            },
            [],
            "documentation changes only with includeDocs"
        )
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
            ["Item.tag may be null (String? → Nullable<String>?)"]
        )
        XCTAssertEqual(find("security-scheme-removed").map(\.subject), ["security scheme legacy"])
        XCTAssertEqual(
            find("parameter-style-changed").map(\.message),
            ["query parameter 'ids' went from style form, explode to style form"]
        )
        XCTAssertEqual(
            find("parameter-default-changed").map(\.message),
            ["query parameter 'size''s default went from 10 to 20"]
        )
        XCTAssertEqual(find("parameter-deprecated").map(\.message), ["query parameter 'mode' is deprecated"])
        XCTAssertEqual(
            find("type-renamed").map(\.symbols),
            [["StatusA1bEnum", "StatusC2dEnum", "Item.status"]],
            "a rename, not a removed and an added enum and a changed property"
        )
        XCTAssertEqual(find("type-removed").map(\.subject), ["Gone", "Square"])
        XCTAssertEqual(find("property-became-optional").map(\.symbols), [["Item.size"]])
        XCTAssertEqual(find("request-property-became-optional").map(\.symbols), [["ItemRequest.name"]])
        XCTAssertEqual(find("property-write-only-changed").map(\.symbols), [["ItemRequest.secret"]])
        XCTAssertEqual(
            find("property-default-changed").map(\.message),
            ["ItemRequest.priority's default went from 1 to 2"]
        )
        XCTAssertEqual(find("property-deprecated").map(\.symbols), [["ItemRequest.legacyFlag"]])
        XCTAssertEqual(find("additional-properties-changed").map(\.subject), ["ErrorModel"])
        XCTAssertEqual(
            Set(find("request-constraint-tightened").map(\.message)),
            ["ItemRequest.name: maxLength 64 → 32", "query parameter 'size': maximum 100 → 50"]
        )
        XCTAssertEqual(
            Set(find("request-constraint-loosened").map(\.message)),
            ["ItemRequest.priority: maximum 10 → 100"]
        )
        XCTAssertEqual(find("response-constraint-loosened").map(\.message), ["Item.name: maxLength 64 removed"])
        XCTAssertEqual(find("response-constraint-tightened").map(\.message), ["Item.id: minimum 0 → 1"])
        XCTAssertEqual(find("constraint-changed").map(\.message), ["ItemRequest.name: pattern ^a → ^b"])
        XCTAssertEqual(find("summary-changed").map(\.subject), ["GET /items"])
        XCTAssertEqual(
            Set(find("description-changed").map(\.message)),
            ["Kind's description changed", "query parameter 'mode''s description changed"]
        )
        XCTAssertEqual(
            Set(find("example-changed").map(\.message)),
            [
                "Item.name's example went from \"first\" to \"second\"",
                "query parameter 'mode''s example went from \"fast\" to \"slow\"",
            ]
        )
    }

    /// Two identical documents but for `info.version` (found by comparing every consecutive
    /// pair's JSON without it): no change.
    func testCVATVersionsThatDifferOnlyInTheirVersionReportNothing() throws {
        for (old, new) in [("2.68.0", "2.69.0"), ("2.71.0", "2.72.0")] {
            let changes = APIDiff.compare(
                try model(Paths.cvat(old + ".json")),
                try model(Paths.cvat(new + ".json")),
                includeDocs: true
            )
            XCTAssertEqual(changes, [], "\(old) → \(new)")
        }
    }

    /// A change the diff must report: its rule, what it is about and a part of its message.
    private struct Expected {
        let rule: String
        let subject: String
        let message: String
        var symbols: [String]?

        init(_ rule: String, _ subject: String, _ message: String, symbols: [String]? = nil) {
            self.rule = rule
            self.subject = subject
            self.message = message
            self.symbols = symbols
        }
    }

    /// Every consecutive pair of CVAT versions with API changes, and changes read from the two
    /// documents' JSON (a structural diff of the files, not this tool's output).
    func testChangesBetweenCVATVersions() throws {
        let pairs: [(old: String, new: String, expected: [Expected])] = [
            (
                "2.17.0.yml", "2.26.2.yml",
                [
                    // Four validation-layout endpoints appear.
                    Expected("operation-added", "GET /api/jobs/{id}/validation_layout", "was added"),
                    Expected("operation-added", "PATCH /api/tasks/{id}/validation_layout", "was added"),
                    // JobWriteRequest.frame_selection_method: FrameSelectionMethodEnum becomes
                    // FrameSelectionMethod, which also gains random_per_job.
                    Expected(
                        "type-renamed",
                        "FrameSelectionMethod",
                        "FrameSelectionMethodEnum is now named FrameSelectionMethod"
                    ),
                    Expected("request-enum-value-added", "FrameSelectionMethod", "'random_per_job'"),
                    // JobType gains consensus_replica; JobRead.type carries it.
                    Expected("response-enum-value-added", "JobType", "'consensus_replica'"),
                ]
            ),
            (
                "2.26.2.yml", "2.61.0.json",
                [
                    Expected("operation-removed", "GET /api/projects/{id}/backup", "was removed"),
                    Expected("operation-removed", "POST /api/auth/signing", "was removed"),
                    Expected("operation-added", "GET /api/auth/access_tokens", "was added"),
                ]
            ),
            (
                "2.61.0.json", "2.62.0.json",
                [
                    // GET /api/functions/requests/ stops paging: a plain array, no parameters.
                    Expected(
                        "response-type-changed",
                        "GET /api/functions/requests/",
                        "from PaginatedAnnotationRequestList to [AnnotationRequest]"
                    ),
                    Expected("parameter-removed", "GET /api/functions/requests/", "query parameter 'page'"),
                    Expected("type-removed", "PaginatedAnnotationRequestList", "was removed"),
                    // POST answers 201 instead of 200.
                    Expected("response-removed", "POST /api/functions/requests/", "the 200 response"),
                    Expected("response-added", "POST /api/functions/requests/", "a 201 response"),
                    // request_id loses `pattern: ^\S+$`.
                    Expected("request-constraint-loosened", "GET /api/functions/requests/{request_id}", "pattern"),
                ]
            ),
            (
                "2.62.0.json", "2.63.0.json",
                [
                    Expected(
                        "request-constraint-tightened",
                        "PasswordChangeRequest",
                        "new_password1: minLength 1 → 8",
                        symbols: ["PasswordChangeRequest.newPassword1"]
                    ),
                    Expected(
                        "request-constraint-loosened",
                        "PasswordChangeRequest",
                        "new_password1: maxLength 128 → 256"
                    ),
                    Expected(
                        "request-constraint-tightened",
                        "RegisterSerializerWithSubscriptionsRequest",
                        "password1: maxLength 256 added"
                    ),
                    Expected("property-write-only-changed", "PasswordChangeRequest", "old_password became write-only"),
                    Expected("request-property-added-optional", "FunctionRequest", "FunctionRequest.visibility"),
                    Expected("response-property-added", "Function", "Function.visibility"),
                    Expected("type-added", "VisibilityEnum", "was added"),
                ]
            ),
            (
                "2.63.0.json", "2.64.0.json",
                [Expected("enum-value-removed", "ChunkType", "'list'", symbols: ["ChunkType.list"])]
            ),
            (
                "2.64.0.json", "2.65.0.json",
                [
                    Expected("response-enum-value-added", "ChunkType", "'audio_mp3'", symbols: ["ChunkType.audioMp3"]),
                    Expected("response-enum-value-added", "EventsEnum", "'create:backup'"),
                    // DataMetaRead no longer promises image_quality; DataRequest no longer requires it.
                    Expected("property-became-optional", "DataMetaRead", "image_quality became optional"),
                    Expected("request-property-became-optional", "DataRequest", "image_quality became optional"),
                    Expected("request-constraint-tightened", "DataRequest", "image_quality: minimum 0 → 1"),
                    Expected("response-constraint-loosened", "JobRead", "dimension: maxLength"),
                    Expected("request-property-added-optional", "ArParamsRequest", "ArParamsRequest.job"),
                ]
            ),
            (
                "2.65.0.json", "2.66.0.json",
                [
                    Expected("response-added", "GET /api/jobs/{id}/data", "a 206 response"),
                    Expected("response-enum-value-added", "LabelType", "'interval'"),
                    Expected("type-added", "LabeledInterval", "was added"),
                ]
            ),
            (
                "2.66.0.json", "2.67.0.json",
                [
                    // The same four values under a new hashed name.
                    Expected(
                        "type-renamed",
                        "Type4c0Enum",
                        "TypeCcbEnum is now named Type4c0Enum",
                        symbols: [
                            "TypeCcbEnum", "Type4c0Enum", "ArParams.type", "ArParamsRequest.type",
                            "FunctionIdAndArParamsRequest.type",
                        ]
                    ),
                    // contact loses `type: object`: any JSON value.
                    Expected("property-type-changed", "OrganizationRead", "contact changed type"),
                ]
            ),
            (
                "2.67.0.json", "2.68.0.json",
                [Expected("response-property-added", "WebhookDeliveryRead", "WebhookDeliveryRead.attempt")]
            ),
            (
                "2.69.0.json", "2.70.0.json",
                [
                    // `patch` is gone from `/api/invitations/{key}`, with its body schema.
                    Expected(
                        "operation-removed",
                        "PATCH /api/invitations/{key}",
                        "was removed",
                        symbols: ["InvitationsApi.partialUpdate(key:patchedInvitationWriteRequest:options:)"]
                    ),
                    Expected("type-removed", "PatchedInvitationWriteRequest", "was removed"),
                    Expected("request-property-added-optional", "ArParamsRequest", "ArParamsRequest.roi"),
                ]
            ),
            (
                "2.70.0.json", "2.71.0.json",
                [
                    // shapes, a nullable array of ShapeRequest, becomes a non-nullable array of
                    // AttributedShapeRequest (a new schema).
                    Expected(
                        "property-type-changed",
                        "QueueRequestCompleteInputRequest",
                        "shapes changed type",
                        symbols: ["QueueRequestCompleteInputRequest.shapes"]
                    ),
                    Expected(
                        "property-nullable-changed",
                        "QueueRequestCompleteInputRequest",
                        "shapes may no longer be null"
                    ),
                    Expected("type-added", "AttributedShapeRequest", "was added"),
                    Expected("type-renamed", "Type837Enum", "Type4c0Enum is now named Type837Enum"),
                    Expected("response-enum-value-added", "Type837Enum", "'interact'"),
                    Expected("request-property-added-optional", "FunctionRequest", "min_pos_points"),
                ]
            ),
        ]
        for (old, new, expected) in pairs {
            let changes = APIDiff.compare(try model(Paths.cvat(old)), try model(Paths.cvat(new)))
            for item in expected {
                let found = changes.contains {
                    $0.rule == item.rule && $0.subject == item.subject && $0.message.contains(item.message)
                        && (item.symbols == nil || $0.symbols == item.symbols)
                }
                XCTAssertTrue(
                    found,
                    "\(old) → \(new): no \(item.rule) on \(item.subject) (\(item.message)); have \(changes.filter { $0.subject == item.subject })"
                )
            }
        }
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
