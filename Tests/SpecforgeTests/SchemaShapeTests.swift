import SpecforgeModel
import XCTest

/// Each schema shape becomes the Swift type a hand-written client would use.
final class SchemaShapeTests: XCTestCase {
    private func document(_ schemas: String, version: String = "3.0.3") -> String {
        """
        openapi: \(version)
        info: {title: Shapes, version: '1'}
        paths: {}
        components:
          schemas:
        \(schemas.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
        """
    }

    func testStructPropertiesRequiredOptionalAndFormats() throws {
        let (model, _) = try translate(
            document(
                """
                Task:
                  type: object
                  required: [id, created]
                  properties:
                    id: {type: integer, format: int64}
                    created: {type: string, format: date-time}
                    day: {type: string, format: date}
                    uid: {type: string, format: uuid}
                    ratio: {type: number, format: float}
                    score: {type: number}
                    small: {type: integer, format: int32}
                    file: {type: string, format: binary}
                    note: {type: string, nullable: true}
                    default: {type: boolean}
                """
            )
        )
        let task = try XCTUnwrap(model.structure("Task"))
        XCTAssertEqual(task.property("id")?.type, .int64)
        XCTAssertEqual(task.property("created")?.type, .dateTime)
        XCTAssertEqual(task.property("day")?.type, .optional(.date))
        XCTAssertEqual(task.property("uid")?.type, .optional(.uuid))
        XCTAssertEqual(task.property("ratio")?.type, .optional(.float))
        XCTAssertEqual(task.property("score")?.type, .optional(.double))
        XCTAssertEqual(task.property("small")?.type, .optional(.int32))
        XCTAssertEqual(task.property("file")?.type, .optional(.file), "binary inside an object is a file part")
        XCTAssertEqual(
            task.property("note")?.type,
            .optional(.nullable(.string)),
            "nullable, not required: Nullable<T>?"
        )
        XCTAssertEqual(task.property("default")?.name, "default")
        XCTAssertEqual(
            task.properties.map(\.wireName),
            ["id", "created", "day", "uid", "ratio", "score", "small", "file", "note", "default"]
        )
    }

    func testNullableReferencesBecomeOptionalsWithoutWrapperTypes() throws {
        let (model, _) = try translate(
            document(
                """
                Shape: {type: string, enum: [rectangle, polygon]}
                NullEnum: {enum: [null]}
                Annotation:
                  type: object
                  required: [a, b, c]
                  properties:
                    a: {allOf: [{$ref: '#/components/schemas/Shape'}], nullable: true}
                    b: {oneOf: [{$ref: '#/components/schemas/Shape'}, {$ref: '#/components/schemas/NullEnum'}], nullable: true}
                    c: {allOf: [{$ref: '#/components/schemas/Shape'}], readOnly: true}
                """
            )
        )
        let annotation = try XCTUnwrap(model.structure("Annotation"))
        XCTAssertEqual(annotation.property("a")?.type, .optional(.named("Shape")))
        XCTAssertEqual(annotation.property("b")?.type, .optional(.named("Shape")))
        XCTAssertEqual(annotation.property("c")?.type, .named("Shape"))
        XCTAssertFalse(model.types.contains { $0.name == "NullEnum" }, "null-only schemas are optionality, not types")
    }

    func testStringEnumsAreOpenAndCaseNamesSafe() throws {
        let (model, _) = try translate(
            document("Mode: {type: string, enum: [annotation, interpolation, '', 'default', 2d, in-progress]}")
        )
        guard case .openEnum(let mode)? = model.type("Mode")?.kind else { return XCTFail("Mode is not an enum") }
        XCTAssertEqual(mode.rawType, .string)
        XCTAssertEqual(
            mode.cases.map(\.name),
            ["annotation", "interpolation", "empty", "default", "_2d", "inProgress"]
        )
        XCTAssertEqual(mode.cases.map(\.literal)[2], #""""#)
    }

    func testAllOfMergesPropertiesInOrder() throws {
        let (model, _) = try translate(
            document(
                """
                Base:
                  type: object
                  required: [id]
                  properties:
                    id: {type: integer}
                    name: {type: string}
                Derived:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      required: [extra]
                      properties:
                        extra: {type: boolean}
                        name: {type: string, description: overridden}
                """
            )
        )
        let derived = try XCTUnwrap(model.structure("Derived"))
        XCTAssertEqual(derived.properties.map(\.wireName), ["id", "name", "extra"])
        XCTAssertEqual(derived.property("id")?.type, .int)
        XCTAssertEqual(derived.property("extra")?.type, .bool)
        XCTAssertEqual(derived.property("name")?.documentation, "overridden")
    }

    func testOneOfBecomesAnEnumWithCases() throws {
        let (model, _) = try translate(
            document(
                """
                Cat: {type: object, properties: {meow: {type: boolean}}}
                Dog: {type: object, properties: {bark: {type: boolean}}}
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}, {type: string}]
                Tagged:
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                  discriminator:
                    propertyName: kind
                    mapping: {kitty: '#/components/schemas/Cat'}
                """
            )
        )
        guard case .union(let pet)? = model.type("Pet")?.kind else { return XCTFail("Pet is not a union") }
        XCTAssertEqual(pet.cases.map(\.name), ["cat", "dog", "string"])
        XCTAssertEqual(pet.cases.map(\.type), [.named("Cat"), .named("Dog"), .string])
        guard case .union(let tagged)? = model.type("Tagged")?.kind else { return XCTFail("Tagged is not a union") }
        XCTAssertEqual(tagged.discriminator, "kind")
        XCTAssertEqual(tagged.cases.map(\.discriminatorValues), [["kitty"], ["Dog"]])
    }

    func testMapsFreeFormValuesAndAliases() throws {
        let (model, _) = try translate(
            document(
                """
                Bag:
                  type: object
                  properties:
                    counts: {type: object, additionalProperties: {type: integer}}
                    anything: {}
                    free: {type: object}
                    list: {type: array, items: {}}
                Names: {type: array, items: {type: string}}
                """
            )
        )
        let bag = try XCTUnwrap(model.structure("Bag"))
        XCTAssertEqual(bag.property("counts")?.type, .optional(.map(.int)))
        XCTAssertEqual(bag.property("anything")?.type, .optional(.json))
        XCTAssertEqual(bag.property("free")?.type, .optional(.map(.json)))
        XCTAssertEqual(bag.property("list")?.type, .optional(.array(.json)))
        guard case .alias(let names)? = model.type("Names")?.kind else { return XCTFail("Names is not an alias") }
        XCTAssertEqual(names, .array(.string))
    }

    func testInlineObjectsAreHoistedWithUniqueNames() throws {
        let (model, _) = try translate(
            document(
                """
                Task:
                  type: object
                  properties:
                    data: {type: object, properties: {size: {type: integer}}}
                    status: {type: string, enum: [new, done]}
                TaskData: {type: string}
                Type: {type: object, properties: {self: {type: string}}}
                """
            )
        )
        let task = try XCTUnwrap(model.structure("Task"))
        XCTAssertEqual(
            task.property("data")?.type,
            .optional(.named("TaskData2")),
            "the schema TaskData keeps its name"
        )
        XCTAssertEqual(task.property("status")?.type, .optional(.named("TaskStatus")))
        XCTAssertEqual(model.structure("TypeModel")?.property("self")?.name, "selfValue")
    }

    func testOpenAPI31TypeArraysConstAndRefSiblings() throws {
        let (model, _) = try translate(
            document(
                """
                Item:
                  type: object
                  required: [a, b, c]
                  properties:
                    a: {type: [string, 'null']}
                    b: {const: fixed}
                    c: {$ref: '#/components/schemas/Other', description: a sibling}
                Other: {type: object, properties: {x: {type: integer}}}
                """,
                version: "3.1.0"
            )
        )
        let item = try XCTUnwrap(model.structure("Item"))
        XCTAssertEqual(item.property("a")?.type, .optional(.string))
        XCTAssertEqual(item.property("c")?.type, .named("Other"))
        XCTAssertNotNil(item.property("b"))
    }

    /// A required property with one possible value (how documents pin a discriminator) defaults
    /// to it in the initializer: `.text(TextPost(body: "Hi"))`, not `TextPost(kind: .text, …)`.
    func testPropertiesWithOneValueDefaultToIt() throws {
        let (model, _) = try translate(
            document(
                """
                TextPost:
                  type: object
                  required: [kind, via, body, choice]
                  properties:
                    kind: {const: text}
                    via: {$ref: '#/components/schemas/Channel'}
                    body: {type: string}
                    choice: {type: string, enum: [a, b]}
                    spare: {type: string, enum: [only]}
                Channel: {type: string, enum: [web]}
                """,
                version: "3.1.0"
            )
        )
        let post = try XCTUnwrap(model.structure("TextPost"))
        XCTAssertEqual(post.property("kind")?.onlyValueCase, "text")
        XCTAssertEqual(post.property("via")?.onlyValueCase, "web")
        // Two values, no value constraint, or optional (already defaulting to `nil`): no default.
        XCTAssertNil(post.property("choice")?.onlyValueCase)
        XCTAssertNil(post.property("body")?.onlyValueCase)
        XCTAssertNil(post.property("spare")?.onlyValueCase)
    }

    func testOperationsAreGroupedByTagAndNamedFromOperationIds() throws {
        let (model, diagnostics) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /api/tasks/{id}/backup/export:
                post:
                  operationId: tasks_create_backup_export
                  tags: [tasks]
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer}}
                    - {name: X-Organization, in: header, schema: {type: string}}
                    - {name: location, in: query, schema: {type: string, enum: [cloud_storage, local]}}
                  responses: {'202': {description: accepted}}
              /api/pets:
                get:
                  responses:
                    '200':
                      content: {application/json: {schema: {type: array, items: {type: string}}}}
            """
        )
        XCTAssertEqual(diagnostics.errors, [])
        XCTAssertEqual(model.groups.map(\.typeName), ["DefaultApi", "TasksApi"])
        XCTAssertEqual(model.groups.map(\.propertyName), ["defaultApi", "tasksApi"])
        let export = try XCTUnwrap(model.groups[1].operations.first)
        XCTAssertEqual(export.name, "createBackupExport")
        XCTAssertEqual(export.parameters.map(\.name), ["id", "xOrganization", "location"])
        XCTAssertEqual(
            export.parameters.map(\.type),
            [.int, .optional(.string), .optional(.named("TasksCreateBackupExportLocation"))]
        )
        XCTAssertNil(export.returnType)
        XCTAssertEqual(model.groups[0].operations.first?.name, "getApiPets")
        XCTAssertEqual(model.groups[0].operations.first?.returnType, .array(.string))
    }

    func testDuplicateOperationIdsAreErrors() throws {
        let (_, diagnostics) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a: {get: {operationId: same, responses: {'204': {description: ok}}}}
              /b: {get: {operationId: same, responses: {'204': {description: ok}}}}
            """
        )
        XCTAssertEqual(diagnostics.errors.count, 1)
        XCTAssertTrue(diagnostics.errors[0].description.contains("duplicate operationId 'same'"))
        XCTAssertTrue(
            diagnostics.errors[0].description.hasSuffix("[#/paths/~1b/get]"),
            diagnostics.errors[0].description
        )
    }

    func testStructCyclesAreStoredIndirectlyAndUnionsBreakCycles() throws {
        let (model, _) = try translate(
            document(
                """
                Intent:
                  type: object
                  properties:
                    last_error: {$ref: '#/components/schemas/Error'}
                    children: {type: array, items: {$ref: '#/components/schemas/Intent'}}
                Error:
                  type: object
                  properties:
                    intent: {$ref: '#/components/schemas/Intent'}
                    code: {type: string}
                Node:
                  type: object
                  properties:
                    next: {$ref: '#/components/schemas/Node'}
                Expandable:
                  type: object
                  properties:
                    parent: {anyOf: [{type: string}, {$ref: '#/components/schemas/Expandable'}]}
                """
            )
        )
        XCTAssertEqual(model.structure("Intent")?.property("last_error")?.indirect, true)
        XCTAssertEqual(model.structure("Intent")?.property("children")?.indirect, false, "arrays break cycles")
        XCTAssertEqual(model.structure("ErrorModel")?.property("intent")?.indirect, true)
        XCTAssertEqual(model.structure("ErrorModel")?.property("code")?.indirect, false)
        XCTAssertEqual(model.structure("Node")?.property("next")?.indirect, true)
        XCTAssertEqual(model.structure("Expandable")?.property("parent")?.indirect, false, "unions are indirect enums")
    }

    /// Found by the fuzzer: an inline `allOf` that includes the object it sits in was hoisted
    /// again for every level, until the stack overflowed.
    func testInlineAllOfThatIncludesItsParentIsOneRecursiveStruct() throws {
        let (model, diagnostics) = try translate(
            document(
                """
                Filter: {type: object, additionalProperties: {type: string}}
                Item:
                  type: object
                  properties:
                    id: {type: integer}
                    parent: {allOf: [{$ref: '#/components/schemas/Item'}, {$ref: '#/components/schemas/Filter'}]}
                """
            )
        )
        XCTAssertEqual(diagnostics.errors.count, 0)
        XCTAssertEqual(model.types.map(\.name).sorted(), ["Filter", "Item", "ItemParent"])
        XCTAssertEqual(model.structure("Item")?.property("parent")?.type, .optional(.named("ItemParent")))
        XCTAssertEqual(model.structure("ItemParent")?.property("parent")?.type, .optional(.named("ItemParent")))
        XCTAssertEqual(model.structure("ItemParent")?.property("parent")?.indirect, true)
    }
}
