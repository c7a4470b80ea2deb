import Foundation
import SpecforgeDiagnostics
import SpecforgeModel
import SpecforgeParser
import XCTest

/// Swagger 2.0 documents are converted to OpenAPI 3.0 and then translated like any other.
final class SwaggerConversionTests: XCTestCase {
    private func petstore() throws -> (model: ClientModel, diagnostics: Diagnostics) {
        let path = Paths.repository.appendingPathComponent("Schemas/swagger-petstore.yaml").path
        return try translate(path: path)
    }

    func testDocumentLevelPartsMove() throws {
        let (model, diagnostics) = try petstore()
        XCTAssertEqual(diagnostics.errors.map(\.description), [])
        XCTAssertEqual(model.serverURL, "https://petstore.example.com/v2")
        XCTAssertEqual(model.securitySchemes.map(\.name), ["api_key", "basic", "oauth"])
        XCTAssertEqual(model.securitySchemes.first { $0.name == "oauth" }?.kind, .httpBearer, "OAuth 2 sends a token")
        XCTAssertEqual(model.securitySchemes.first { $0.name == "basic" }?.kind, .httpBasic)
        XCTAssertEqual(model.securitySchemes.first { $0.name == "api_key" }?.parameterName, "X-API-Key")
        XCTAssertEqual(
            model.types.map(\.name).sorted(),
            [
                "Dog", "ErrorModel", "Pet", "PetsListPetsStatusItem", "PetsRenamePetRequest", "PetsUploadPhotoRequest",
                "Photo", "Tag",
            ]
        )
        XCTAssertEqual(model.structure("Pet")?.property("nickname")?.type, .optional(.nullable(.string)), "x-nullable")
        XCTAssertEqual(model.structure("Pet")?.property("id")?.type, .int64)
        XCTAssertEqual(
            model.structure("Dog")?.properties.map(\.wireName),
            ["id", "name", "kind", "nickname", "tags", "barks"]
        )
    }

    func testParametersBodiesAndResponsesAreConverted() throws {
        let (model, _) = try petstore()
        let operations = Dictionary(uniqueKeysWithValues: model.operations.map { ($0.operationId, $0) })

        let list = try XCTUnwrap(operations["listPets"])
        XCTAssertEqual(list.parameters.map(\.wireName), ["limit", "tags", "status", "X-Request-Id"])
        XCTAssertEqual(list.parameters.map(\.location), [.query, .query, .query, .header])
        XCTAssertEqual(list.parameters[1].type, .optional(.array(.string)))
        XCTAssertEqual(list.parameters[1].explode, false, "csv")
        XCTAssertEqual(list.parameters[2].explode, true, "multi")
        XCTAssertEqual(list.returnType, .array(.named("Pet")))

        let create = try XCTUnwrap(operations["createPet"])
        XCTAssertEqual(create.body?.type, .named("Pet"))
        XCTAssertEqual(create.body?.contentTypes, ["application/json"])
        XCTAssertEqual(create.body?.required, true)

        let get = try XCTUnwrap(operations["getPet"])
        XCTAssertEqual(get.parameters.map(\.wireName), ["petId"])
        XCTAssertEqual(get.parameters.first?.type, .int64)
        XCTAssertEqual(get.responses.first { $0.status == "404" }?.type, .named("ErrorModel"))

        let upload = try XCTUnwrap(operations["uploadPhoto"])
        XCTAssertEqual(upload.body?.contentTypes, ["multipart/form-data"])
        XCTAssertEqual(upload.body?.required, true, "a required form field makes the body required")
        let uploadBody = try XCTUnwrap(
            upload.body.flatMap { body -> StructModel? in
                guard case .named(let name) = body.type else { return nil }
                return model.structure(name)
            }
        )
        XCTAssertEqual(uploadBody.properties.map(\.wireName), ["caption", "file"])
        XCTAssertEqual(uploadBody.property("file")?.type, .file)

        XCTAssertEqual(operations["downloadPhoto"]?.returnType, .data)
        XCTAssertEqual(operations["renamePet"]?.body?.contentTypes, ["application/x-www-form-urlencoded"])
        XCTAssertEqual(operations["deletePet"]?.security, [["basic"], ["oauth"]])
    }

    func testReferencesAreRewrittenAcrossFiles() throws {
        let (model, diagnostics) = try translateFiles([
            "api.yaml": """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200': {description: ok, schema: {$ref: 'shared.yaml#/definitions/A'}}
            """,
            "shared.yaml": """
            swagger: '2.0'
            info: {title: Shared, version: '1'}
            paths: {}
            definitions:
              A: {type: object, properties: {b: {$ref: '#/definitions/B'}}}
              B: {type: string, enum: [x, y]}
            """,
        ])
        XCTAssertEqual(diagnostics.errors.map(\.description), [])
        XCTAssertEqual(model.operations.first?.returnType, .named("A"))
        XCTAssertEqual(model.structure("A")?.property("b")?.type, .optional(.named("B")))
    }

    func testOtherSwaggerVersionsAreRejected() throws {
        XCTAssertThrowsError(try translate("swagger: '1.2'\ninfo: {title: T, version: '1'}\n")) { error in
            XCTAssertTrue(
                "\(error)".contains("Swagger '1.2' is not supported; expected 2.0, or OpenAPI 3.0.x or 3.1.x"),
                "\(error)"
            )
        }
    }

    private func translateFiles(_ files: [String: String]) throws -> (ClientModel, Diagnostics) {
        let scratch = try ScratchDirectory()
        for (name, text) in files { try scratch.write(name, text) }
        return try translate(path: scratch.path + "/api.yaml")
    }
}
