import Foundation
import SpecforgeDiagnostics
import SpecforgeGenerator
import SpecforgeModel
import XCTest

/// Names in the configuration that match nothing are located warnings (errors with
/// `--strict`); inline types can be renamed; renaming a method keeps its types' names.
final class ConfigCheckTests: XCTestCase {
    private let document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /timelines:
            post:
              operationId: timelines_create
              tags: [timelines]
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {text: {type: string}}}
              responses: {'204': {description: done}}
        components:
          schemas:
            Status: {type: object, properties: {id: {type: integer}}}
        """

    private func analyze(config: String, strict: Bool = false) throws -> (ClientModel?, [Diagnostic]) {
        let scratch = try ScratchDirectory()
        var request = GeneratorPipeline.Request(
            schemaPath: try scratch.write("api.yaml", document),
            outputDirectory: nil
        )
        let diagnostics = Diagnostics()
        request.config = try GeneratorConfig.load(
            path: try scratch.write("specforge.yaml", config),
            diagnostics: diagnostics
        )
        request.strict = strict
        do {
            return (try GeneratorPipeline.analyze(request, diagnostics: diagnostics), diagnostics.all)
        } catch {
            return (nil, error.diagnostics)
        }
    }

    /// An empty `specforge.yaml` (what a user creates first), or one of comments only, means the
    /// defaults rather than "the document is empty".
    func testAnEmptyConfigurationMeansTheDefaults() throws {
        for text in ["", "\n\n", "# specforge settings\n  # none yet\n", "---\n", "--- # settings\n", "~\n"] {
            let (model, diagnostics) = try analyze(config: text)
            XCTAssertNotNil(model, text)
            XCTAssertEqual(diagnostics.map(\.message), [], text)
        }
    }

    /// A misspelled configuration key and a `$ref` to a misspelled schema say what was meant.
    func testMisspelledKeysAndReferencesSuggestTheNearestName() throws {
        let (_, diagnostics) = try analyze(config: "shard: 4\n")
        XCTAssertEqual(
            diagnostics.map(\.message),
            [
                "unknown configuration key 'shard'; did you mean 'shards'? (expected module, templates, include, "
                    + "exclude, names, typeMappings, forms, pagination, securitySchemes, security, shards, groups)"
            ]
        )
        let (_, references) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Status: {type: object}
                Post: {type: object, properties: {status: {$ref: '#/components/schemas/Statuss'}}}
            """
        )
        let message = try XCTUnwrap(references.errors.first?.message)
        XCTAssertTrue(message.hasPrefix("'$ref' target '#/components/schemas/Statuss' does not exist"), message)
        XCTAssertTrue(message.hasSuffix("api.yaml); did you mean 'Status'?"), message)
    }

    func testNamesThatMatchNothingAreLocatedWarnings() throws {
        let config = """
            include: {tags: [timeline], paths: [/timelines]}
            exclude: {operations: [timelines_creat]}
            names:
              types: {Statuses: Post}
              operations: {timeline_create: post}
            typeMappings: {Status: Int, Missing: Int}
            forms:
              properties: {Status.idd: indexed}
            """
        let (model, diagnostics) = try analyze(config: config)
        XCTAssertNotNil(model)
        let lines = diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
        XCTAssertEqual(
            lines,
            [
                "1:18 'timeline' in include.tags matches no tag of the document; did you mean 'timelines'?",
                "2:24 'timelines_creat' in exclude.operations matches no operationId of the document; "
                    + "did you mean 'timelines_create'?",
                "4:11 'Statuses' in names.types matches no schema (by name, JSON pointer or generated name) "
                    + "of the document; did you mean 'Status'?",
                "5:16 'timeline_create' in names.operations matches no operationId of the document; "
                    + "did you mean 'timelines_create'?",
                "6:29 'Missing' in typeMappings matches no schema of the document",
                "8:16 'Status.idd' in forms.properties matches no schema property of the document; "
                    + "did you mean 'Status.id'?",
            ]
        )
        XCTAssertEqual(diagnostics.first?.pointer, "#/include/tags/0")
        XCTAssertTrue(diagnostics.allSatisfy { $0.location?.file.hasSuffix("specforge.yaml") == true })

        let (strictModel, strictDiagnostics) = try analyze(config: config, strict: true)
        XCTAssertNil(strictModel, "warnings fail a --strict run")
        XCTAssertEqual(strictDiagnostics.count, 6)
    }

    func testInlineTypesAreRenamedByGeneratedNameOrPointerAndMethodRenamesKeepThem() throws {
        let (plain, _) = try analyze(config: "module: X\n")
        let inline = try XCTUnwrap(plain?.types.first { $0.pointer.contains("requestBody") })

        let (byName, nameDiagnostics) = try analyze(config: "names: {types: {\(inline.name): NewTimelinePost}}\n")
        XCTAssertEqual(nameDiagnostics.map(\.message), [])
        XCTAssertTrue(byName?.types.contains { $0.name == "NewTimelinePost" } == true)

        let pointer = inline.pointer.replacingOccurrences(of: "'", with: "''")
        let (byPointer, pointerDiagnostics) = try analyze(config: "names: {types: {'\(pointer)': TimelineBody}}\n")
        XCTAssertEqual(pointerDiagnostics.map(\.message), [])
        XCTAssertTrue(byPointer?.types.contains { $0.name == "TimelineBody" } == true)

        let (renamed, renameDiagnostics) = try analyze(config: "names: {operations: {timelines_create: post}}\n")
        XCTAssertEqual(renameDiagnostics.map(\.message), [])
        XCTAssertEqual(renamed?.groups.first?.operations.first?.name, "post")
        XCTAssertTrue(renamed?.types.contains { $0.name == inline.name } == true, "the body type kept its name")
    }

    /// `pagination:` names parameters and properties; what does not fit is a located error.
    func testPaginationSettingsAreChecked() throws {
        let scratch = try ScratchDirectory()
        let schema = try scratch.write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /events:
                get:
                  operationId: events_list
                  tags: [events]
                  parameters:
                  - {name: cursor, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: A page
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              data: {type: array, items: {type: string}}
                              next: {type: integer}
            """
        )
        func diagnostics(_ config: String) throws -> [String] {
            var request = GeneratorPipeline.Request(schemaPath: schema, outputDirectory: nil)
            let diagnostics = Diagnostics()
            request.config = try GeneratorConfig.load(
                path: try scratch.write("c.yaml", config),
                diagnostics: diagnostics
            )
            _ = try? GeneratorPipeline.analyze(request, diagnostics: diagnostics)
            return diagnostics.all.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
        }
        XCTAssertEqual(
            try diagnostics("pagination:\n  events_list: {style: cursor, parameter: after, next: next, items: data}\n"),
            ["2:3 pagination of 'events_list': the operation has no parameter 'after' (it has 'cursor')"]
        )
        XCTAssertEqual(
            try diagnostics(
                "pagination:\n  events_list: {style: cursor, parameter: cursor, next: next, items: data}\n"
            ),
            ["2:3 pagination of 'events_list': the cursor 'next' is Int but the parameter 'cursor' takes String"]
        )
        XCTAssertEqual(
            try diagnostics("pagination:\n  events_lst: {style: cursor}\n"),
            [
                "2:3 'events_lst' in pagination matches no operationId of the document; did you mean 'events_list'?"
            ]
        )
        XCTAssertEqual(
            try diagnostics("pagination:\n  events_list: {style: pages}\n"),
            ["2:24 expected 'style: link', 'style: cursor' or 'style: offset'"]
        )
    }

    /// A document without security schemes (GitHub's REST description) gets them from the
    /// configuration, and operations without `security` the configured requirement.
    func testTheConfigurationDeclaresMissingSecuritySchemes() throws {
        let (model, diagnostics) = try analyze(
            config: """
                securitySchemes:
                  token: {type: http, scheme: bearer}
                  key: {type: apiKey, in: header, name: X-Key, x-token-prefix: 'Key '}
                security: [token]
                """
        )
        XCTAssertEqual(diagnostics.map(\.message), [])
        XCTAssertEqual(model?.securitySchemes.map(\.name), ["token", "key"])
        XCTAssertEqual(model?.securitySchemes.last?.prefix, "Key ")
        XCTAssertEqual(model?.groups.first?.operations.first?.security, [["token"]])
        let (_, bad) = try analyze(config: "securitySchemes: {token: {type: http, scheme: digest}}\n")
        XCTAssertEqual(
            bad.map(\.message),
            ["expected 'type: http' with 'scheme: basic' or 'bearer', 'type: apiKey', 'oauth2' or 'openIdConnect'"]
        )
    }
}
