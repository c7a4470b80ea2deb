import SpecforgeDiagnostics
import SpecforgeModel
import XCTest

@testable import SpecforgeParser

final class ReferenceTests: XCTestCase {
    func testReferencesAcrossFilesAndEscapedPointers() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(
            "common/models.yaml",
            """
            components:
              schemas:
                Pet:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    owner: {$ref: '#/components/schemas/Owner'}
                Owner:
                  type: object
                  properties:
                    id: {type: integer}
            """
        )
        try scratch.write("common/error.yaml", "type: object\nproperties:\n  message: {type: string}\n")
        let root = try scratch.write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /pets/{id}:
                get:
                  operationId: getPet
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer}}
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: {$ref: 'common/models.yaml#/components/schemas/Pet'}
                    default:
                      content:
                        application/json:
                          schema: {$ref: './common/error.yaml'}
              /alias:
                get:
                  operationId: viaPointer
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: {$ref: '#/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema'}
            """
        )
        let input = try DocumentLoader.load(path: root)
        let (model, diagnostics) = ModelTranslator.translate(input, options: ModelOptions())
        XCTAssertEqual(input.diagnostics + diagnostics, [])
        let pet = try XCTUnwrap(model.structure("Pet"))
        XCTAssertEqual(pet.property("owner")?.type, .optional(.named("Owner")))
        XCTAssertNotNil(
            model.structure("ErrorModel"),
            "a whole-file schema is named after its file (Error is reserved)"
        )
        let operations = Dictionary(uniqueKeysWithValues: model.operations.map { ($0.name, $0) })
        XCTAssertEqual(operations["getPet"]?.returnType, .named("Pet"))
        XCTAssertEqual(operations["viaPointer"]?.returnType, .named("Pet"), "~1 decodes to / in pointers")
        XCTAssertEqual(input.files.count, 3)
    }

    func testMissingTargetsAreReportedWhereTheRefIsWritten() throws {
        let (_, diagnostics) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    b: {$ref: '#/components/schemas/Missing'}
                    c: {$ref: 'nowhere.yaml#/X'}
            """
        )
        let messages = diagnostics.errors.map(\.description)
        XCTAssertEqual(messages.count, 2, "\(messages)")
        XCTAssertTrue(messages[0].contains("api.yaml:9:"), messages[0])
        XCTAssertTrue(messages[0].contains("does not exist"), messages[0])
        XCTAssertTrue(messages[0].hasSuffix("[#/components/schemas/A/properties/b/$ref]"), messages[0])
        XCTAssertTrue(messages[1].contains("cannot read"), messages[1])
        XCTAssertTrue(messages[1].contains("nowhere.yaml"), messages[1])
    }

    func testReferenceCyclesAreDetected() throws {
        let (_, diagnostics) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
            """
        )
        XCTAssertTrue(diagnostics.errors.contains { $0.message.contains("reference cycle") }, "\(diagnostics.all)")
    }

    func testRecursiveSchemasAreFine() throws {
        let (model, diagnostics) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
            """
        )
        XCTAssertEqual(diagnostics.all, [])
        XCTAssertEqual(model.structure("Node")?.property("children")?.type, .optional(.array(.named("Node"))))
    }

    /// The loader keeps a parser per file; the parsers must not keep the loader (the fuzzer's
    /// leak checker found that cycle).
    func testLoaderIsReleasedAfterLoading() throws {
        weak var released: DocumentLoader?
        do {
            let loader = DocumentLoader()
            let parser = loader.parser(
                for: Paths.repository.appendingPathComponent("Schemas/swagger-petstore.yaml").path
            )
            XCTAssertTrue(parser.loader === loader)
            released = loader
        }
        XCTAssertNil(released)
    }
}
