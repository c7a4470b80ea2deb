import Foundation
import SpecforgeModel
import XCTest

/// How form bodies name their array items: configuration, the schema's `encoding`, defaults.
final class FormEncodingTests: XCTestCase {
    private let document = """
        openapi: 3.0.3
        info: {title: Forms, version: "1"}
        paths:
          /upload:
            post:
              operationId: upload
              requestBody:
                content:
                  multipart/form-data:
                    schema: {$ref: '#/components/schemas/Upload'}
                    encoding:
                      tags: {explode: false}
                      meta: {contentType: application/json}
              responses: {'204': {description: done}}
          /note:
            post:
              operationId: note
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Upload'}
              responses: {'204': {description: done}}
        components:
          schemas:
            Upload:
              type: object
              properties:
                files: {type: array, items: {type: string, format: binary}}
                tags: {type: array, items: {type: string}}
                paths: {type: array, items: {type: string}}
                meta: {type: object, additionalProperties: true}
        """

    private func encoding(_ options: ModelOptions, operation: String = "upload") throws -> FormEncodingModel? {
        let (model, diagnostics) = try translate(document, options: options)
        XCTAssertEqual(diagnostics.all.map(\.message), [])
        return try XCTUnwrap(model.operations.first { $0.operationId == operation }?.body).formEncoding
    }

    func testDefaultsFollowTheSchemasEncodingObject() throws {
        let encoding = try XCTUnwrap(try self.encoding(ModelOptions()))
        XCTAssertEqual(encoding.arrayStyle, .repeated)
        XCTAssertEqual(
            encoding.properties,
            [
                .init(wireName: "tags", arrayStyle: .commaSeparated, contentType: nil),
                .init(wireName: "meta", arrayStyle: nil, contentType: "application/json"),
            ]
        )
        XCTAssertNil(try self.encoding(ModelOptions(), operation: "note"), "JSON bodies have no form encoding")
    }

    func testConfigurationSetsTheDefaultAndWinsPerProperty() throws {
        var options = ModelOptions()
        options.formArrayStyle = .indexed
        options.formArrayStyles = ["Upload.tags": .json, "Upload.paths": .indexed]
        let encoding = try XCTUnwrap(try self.encoding(options))
        XCTAssertEqual(encoding.arrayStyle, .indexed)
        XCTAssertEqual(
            encoding.properties,
            [
                .init(wireName: "tags", arrayStyle: .json, contentType: nil),
                .init(wireName: "meta", arrayStyle: nil, contentType: "application/json"),
            ],
            "paths is indexed like the default, so it needs no entry"
        )
    }

    /// The configuration file's `forms` key, through the command line, into the endpoint.
    func testFormsKeyOfTheConfigurationFile() throws {
        let scratch = try ScratchDirectory()
        let schema = try scratch.write("api.yaml", document)
        let config = try scratch.write(
            "specforge.yaml",
            """
            forms:
              arrays: indexed
              properties:
                Upload.tags: repeated
            """
        )
        let result = try runSpecforge(["generate", schema, "--config", config, "--output", scratch.path + "/out"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let api = try String(contentsOfFile: scratch.path + "/out/APIs/UploadApi.swift", encoding: .utf8)
        XCTAssertTrue(
            api.contains(
                """
                        formEncoding: FormEncoding(
                            arrayStyle: .indexed,
                            properties: ["tags": .init(arrayStyle: .repeated), "meta": .init(contentType: "application/json")]
                        ),
                """
            ),
            api
        )
    }

    func testUnknownStylesAndKeysAreLocatedErrors() throws {
        let scratch = try ScratchDirectory()
        let schema = try scratch.write("api.yaml", document)
        let config = try scratch.write(
            "specforge.yaml",
            """
            forms:
              arrays: sideways
              properties:
                tags: indexed
              nested: true
            """
        )
        let result = try runSpecforge(["lint", schema, "--config", config])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.standardError.split(separator: "\n").filter { $0.contains("error:") }.map {
                "specforge.yaml" + $0.components(separatedBy: "/specforge.yaml").last!
            },
            [
                "specforge.yaml:2:11: error: unknown array style 'sideways' (expected repeated, indexed, json, commaSeparated) [#/forms/arrays]",
                "specforge.yaml:4:5: error: expected 'Schema.property', found 'tags' [#/forms/properties/tags]",
                "specforge.yaml:5:3: error: unknown configuration key 'nested' (expected arrays, properties) [#/forms/nested]",
            ]
        )
    }
}
