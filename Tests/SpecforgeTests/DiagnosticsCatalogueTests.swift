import Foundation
import SpecforgeDiagnostics
import SpecforgeGenerator
import XCTest

/// Every kind of broken input gets exactly the one-line diagnostic that names the file, line, column
/// and JSON pointer of the offending node. The README's diagnostics catalogue is this table.
final class DiagnosticsCatalogueTests: XCTestCase {
    private static let header = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"

    func testNotOpenAPI() throws {
        try expect(
            "title: a config file, not an API\n",
            header: "",
            ["api.yaml:1:1: error: not an OpenAPI document: the root has no 'openapi' version field [#]"]
        )
        try expect(
            "- a\n- b\n",
            header: "",
            ["api.yaml:1:1: error: an OpenAPI document must be a mapping, found a sequence [#]"]
        )
        try expect(
            "openapi: 2.5.0\npaths: {}\n",
            header: "",
            ["api.yaml:1:10: error: unsupported OpenAPI version '2.5.0'; expected 3.0.x or 3.1.x [#/openapi]"]
        )
        try expect("", header: "", ["api.yaml:1:1: error: the document is empty"])
    }

    func testMalformedYAML() throws {
        try expect(
            "paths:\n  /a: {get: [}\n",
            ["api.yaml:4:14: error: invalid YAML: did not find expected node content (while parsing a flow node)"]
        )
        try expect(
            "paths: {}\npaths: {}\n",
            ["api.yaml:4:1: error: duplicate key 'paths'"]
        )
        // A quote never closed: libyaml notices at the end of the file; where it began is
        // what the author needs.
        try expect(
            "paths: {}\ncomponents:\n  schemas:\n    A: {description: \"open\n\n\n\n",
            [
                "api.yaml:10:1: error: invalid YAML: found unexpected end of stream (while scanning a quoted "
                    + "scalar that began at line 6, column 22)"
            ]
        )
    }

    func testParametersThatCannotBeSerialisedWhereTheyGo() throws {
        let body = """
            paths:
              /a/{id}:
                get:
                  parameters:
                  - {name: id, in: path, required: true, schema: {type: object, properties: {a: {type: string}}}}
                  - {name: X-Meta, in: header, schema: {type: object, additionalProperties: {type: string}}}
                  - {name: q, in: query, style: pipeDelimited, schema: {type: object, properties: {a: {type: string}}}}
                  - {name: ok, in: query, style: deepObject, schema: {type: object, properties: {a: {type: string}}}}
                  - {name: rows, in: query, schema: {type: array, items: {type: array, items: {type: integer}}}}
                  responses: {'204': {description: done}}

            """
        let expected = [
            "api.yaml:7:9: warning: path parameter 'id' is an object: it would be sent as 'key,value,…' text "
                + "(style simple), which servers rarely read as an object; give it a string schema, or "
                + "`content: {application/json: …}` [#/paths/~1a~1{id}/get/parameters/0]",
            "api.yaml:8:9: warning: header parameter 'X-Meta' is an object: it would be sent as 'key,value,…' "
                + "text (style simple), which servers rarely read as an object; give it a string schema, or "
                + "`content: {application/json: …}` [#/paths/~1a~1{id}/get/parameters/1]",
            "api.yaml:9:9: warning: query parameter 'q' is an object, which style 'pipeDelimited' cannot "
                + "serialise; use 'form' or 'deepObject' [#/paths/~1a~1{id}/get/parameters/2]",
            "api.yaml:11:9: warning: query parameter 'rows' is an array of objects or arrays, which no parameter "
                + "style can serialise; describe it with `content: {application/json: …}` or as a request body "
                + "[#/paths/~1a~1{id}/get/parameters/4]",
        ]
        try expect(body, expected, failing: false)
        try expect(body, expected, strict: true)
    }

    /// OpenAPI requires a server variable's default to be one of its `enum` values; when it is
    /// not, `server(…)` cannot take the values as an enum, and says so.
    func testServerVariableDefaultOutsideItsEnum() throws {
        let body = """
            servers:
            - url: 'https://{region}.example.com'
              variables:
                region: {default: eu, enum: [us, ap]}
            paths: {}

            """
        let expected = [
            "api.yaml:6:23: warning: the default 'eu' of server variable 'region' is not one of its 'enum' values, "
                + "which it must be; `server(…)` takes any string for it [#/servers/0/variables/region/default]"
        ]
        try expect(body, expected, failing: false)
        try expect(body, expected, strict: true)
    }

    /// A `.json` file is read as JSON: JSON's rules, and the position of the mistake.
    func testMalformedJSON() throws {
        try expect(
            "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {},\n}\n",
            header: "",
            named: "api.json",
            ["api.json:4:14: error: invalid JSON: a trailing comma before '}'"]
        )
        try expect(
            "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"\\ud83e\", \"version\": \"1\"}, \"paths\": {}}",
            header: "",
            named: "api.json",
            [
                "api.json:1:41: error: invalid JSON: unpaired surrogate \\uD83E "
                    + "(a high surrogate needs a low one after it)"
            ]
        )
    }

    func testWrongNodeTypes() throws {
        try expect("paths: []\n", ["api.yaml:3:8: error: 'paths' must be a mapping, found a sequence [#/paths]"])
        try expect(
            "paths:\n  /a: {get: {parameters: {}, responses: {'204': {description: ok}}}}\n",
            ["api.yaml:4:26: error: 'parameters' must be a sequence, found a mapping [#/paths/~1a/get/parameters]"]
        )
        try expect(
            "paths: {}\ncomponents: {schemas: {A: {type: 7}}}\n",
            ["api.yaml:4:27: error: unknown schema type '7' [#/components/schemas/A]"]
        )
        try expect(
            "paths:\n  /a: {get: {deprecated: maybe, responses: {'204': {description: ok}}}}\n",
            ["api.yaml:4:26: error: 'deprecated' must be true or false, found 'maybe' [#/paths/~1a/get/deprecated]"]
        )
        try expect(
            "paths:\n  a: {}\n",
            ["api.yaml:4:3: error: path 'a' must start with '/' [#/paths/a]"]
        )
    }

    func testReferences() throws {
        try expect(
            "paths: {}\ncomponents: {schemas: {A: {$ref: '#/components/schemas/Missing'}}}\n",
            [
                "api.yaml:4:34: error: '$ref' target '#/components/schemas/Missing' does not exist "
                    + "(no 'Missing' in {DIRNAME}/api.yaml) [#/components/schemas/A/$ref]"
            ]
        )
        try expect(
            "paths: {}\ncomponents: {schemas: {A: {$ref: 'other.yaml#/B'}}}\n",
            [
                "api.yaml:4:34: error: cannot read '{DIR}/other.yaml' (no such file), "
                    + "referenced by 'other.yaml#/B' [#/components/schemas/A/$ref]"
            ]
        )
        try expect(
            "paths: {}\ncomponents: {schemas: {A: {$ref: 'https://example.com/a.yaml#/A'}}}\n",
            [
                "api.yaml:4:34: error: remote reference 'https://example.com/a.yaml#/A' is not supported; "
                    + "download the document and refer to it by a relative path [#/components/schemas/A/$ref]"
            ]
        )
        try expect(
            "paths: {}\ncomponents: {schemas: {A: {$ref: '#/components/schemas/B'}, B: {$ref: '#/components/schemas/A'}}}\n",
            [
                "api.yaml:4:34: error: reference cycle that never reaches a schema: '#/components/schemas/B' → "
                    + "'#/components/schemas/A' → '#/components/schemas/B' [#/components/schemas/A/$ref]"
            ]
        )
    }

    func testParametersAndResponses() throws {
        try expect(
            "paths:\n  /a: {get: {parameters: [{name: q, in: query}], responses: {'204': {description: ok}}}}\n",
            [
                "api.yaml:4:27: error: parameter 'q' has neither 'schema' nor 'content' "
                    + "[#/paths/~1a/get/parameters/0]"
            ]
        )
        try expect(
            "paths:\n  /a: {get: {parameters: [{name: q, in: body, schema: {type: string}}], "
                + "responses: {'204': {description: ok}}}}\n",
            [
                "api.yaml:4:27: error: parameter 'q' needs 'in' to be path, query, header or cookie, found 'body' "
                    + "[#/paths/~1a/get/parameters/0]"
            ]
        )
        try expect(
            "paths:\n  /a: {get: {responses: {ok: {description: ok}}}}\n",
            [
                "api.yaml:4:26: error: response key 'ok' is not a status code, a range like 2XX, or 'default' "
                    + "[#/paths/~1a/get/responses/ok]"
            ]
        )
        try expect(
            "paths:\n  /a: {get: {operationId: same, responses: {'204': {description: ok}}}}\n"
                + "  /b: {get: {operationId: same, responses: {'204': {description: ok}}}}\n",
            ["api.yaml:5:13: error: duplicate operationId 'same' (first used by GET /a) [#/paths/~1b/get]"]
        )
    }

    func testLooseMappingsAreWarningsAndStrictMakesThemErrors() throws {
        let body = """
            paths:
              /a/{id}:
                get:
                  parameters: [{name: id, in: path, schema: {type: integer}}]
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Mixed: {type: [string, integer]}
                Shapes: {enum: [{a: 1}, b]}

            """
        let expected = [
            "api.yaml:6:20: warning: path parameter 'id' must be required; treating it as required "
                + "[#/paths/~1a~1{id}/get/parameters/0]",
            "api.yaml:10:12: warning: a value of several types (string, integer) is mapped to JSONValue "
                + "[#/components/schemas/Mixed]",
            "api.yaml:11:13: warning: an enum with non-scalar values is mapped to JSONValue "
                + "[#/components/schemas/Shapes]",
        ]
        try expect(body, expected, failing: false)
        try expect(body, expected, strict: true, failing: true)
    }

    func testUnreadableSchemaFile() throws {
        let scratch = try ScratchDirectory()
        let request = GeneratorPipeline.Request(schemaPath: scratch.path + "/absent.yaml", outputDirectory: nil)
        XCTAssertThrowsError(try GeneratorPipeline.run(request)) { error in
            XCTAssertEqual(
                (error as? GenerationFailed)?.diagnostics.map(\.description),
                ["specforge: error: cannot read '\(scratch.path)/absent.yaml' (no such file)"]
            )
        }
        let directory = GeneratorPipeline.Request(schemaPath: scratch.path, outputDirectory: nil)
        XCTAssertThrowsError(try GeneratorPipeline.run(directory)) { error in
            XCTAssertEqual(
                (error as? GenerationFailed)?.diagnostics.map(\.description),
                ["specforge: error: cannot read '\(scratch.path)' (it is a directory)"]
            )
        }
    }

    func testCommandLineExitsWithOneAndPrintsEachDiagnosticOnOneLine() throws {
        let scratch = try ScratchDirectory()
        let schema = try scratch.write(
            "api.yaml",
            Self.header + "paths: {}\ncomponents: {schemas: {Mixed: {type: [string, integer]}}}\n"
        )
        let warning =
            "\(schema):4:31: warning: a value of several types (string, integer) is mapped to JSONValue "
            + "[#/components/schemas/Mixed]\n"
        let lenient = try runSpecforge(["lint", schema])
        XCTAssertEqual(lenient.status, 0)
        XCTAssertEqual(lenient.standardError, warning)
        let strict = try runSpecforge(["lint", "--strict", schema])
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.standardError, warning)
        let missing = try runSpecforge(["generate", scratch.path + "/absent.yaml", "--output", scratch.path + "/out"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(
            missing.standardError,
            "specforge: error: cannot read '\(scratch.path)/absent.yaml' (no such file)\n"
        )
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/out"), "a failed run writes nothing")
    }

    /// Runs the whole pipeline on `header + body` and compares every diagnostic, with the scratch
    /// directory written as `{DIR}` (its name alone as `{DIRNAME}`) and the schema's own path shortened to `api.yaml`.
    private func expect(
        _ body: String,
        header: String = header,
        named name: String = "api.yaml",
        _ expected: [String],
        strict: Bool = false,
        failing: Bool = true,
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(name, header + body)
        var request = GeneratorPipeline.Request(schemaPath: path, outputDirectory: nil)
        request.strict = strict
        let diagnostics: [Diagnostic]
        let failed: Bool
        do {
            diagnostics = try GeneratorPipeline.run(request).diagnostics
            failed = false
        } catch {
            diagnostics = error.diagnostics
            failed = true
        }
        let printed = diagnostics.map {
            $0.description.replacingOccurrences(of: path, with: name)
                .replacingOccurrences(of: scratch.path, with: "{DIR}")
                .replacingOccurrences(of: (scratch.path as NSString).lastPathComponent, with: "{DIRNAME}")
        }
        XCTAssertEqual(printed, expected, file: file, line: line)
        XCTAssertEqual(failed, failing, "the run should \(failing ? "" : "not ")fail", file: file, line: line)
    }
}
