import Foundation
import SpecforgeDiagnostics
import SpecforgeGenerator
import SpecforgeModel
import SpecforgeRenderer
import XCTest

/// What templates are given is what `TemplateContract` (and so `Templates/README.md`) says.
final class TemplateContractTests: XCTestCase {
    /// Documents that between them reach every key: CVAT (pagination, forms, bodies, shared
    /// security, an apiKey scheme), a discriminated union, a small document for the rest, and
    /// Examples/TaskBoard's (the other pagination styles).
    private func models() throws -> [ClientModel] {
        var cvat = GeneratorPipeline.Request(schemaPath: Paths.cvat("2.72.0.json"), outputDirectory: nil)
        cvat.config = try GeneratorConfig.load(
            path: Paths.repository.appendingPathComponent("Schemas/cvat.yaml").path,
            diagnostics: Diagnostics()
        )
        let union = GeneratorPipeline.Request(
            schemaPath: Paths.shared.appendingPathComponent("schemas/real/discriminator.yaml").path,
            outputDirectory: nil
        )
        let scratch = try ScratchDirectory()
        let small = try scratch.write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers:
            - url: 'https://{region}.example.com/{base}'
              variables: {region: {default: eu, enum: [eu, us]}, base: {default: api, description: The base path.}}
            tags: [{name: things, description: The things.}]
            paths:
              /things:
                get:
                  operationId: listThings
                  tags: [things]
                  parameters:
                  - {name: ids, in: query, style: form, explode: false, schema: {type: array, items: {type: integer}}}
                  responses:
                    '204': {description: done}
                    '404': {description: Not there, content: {application/json: {schema: {$ref: '#/components/schemas/Bag'}}}}
            components:
              schemas:
                Alias: {type: array, items: {type: string}}
                Bag: {type: object, properties: {a: {type: string}}, additionalProperties: false}
                Color: {type: string, enum: [red]}
                ColorOrId: {oneOf: [{$ref: '#/components/schemas/Color'}, {type: string, format: uuid}]}
                Level: {type: integer, oneOf: [{title: LOW, const: 1, description: Low.}, {title: HIGH, const: 2}]}
              securitySchemes:
                key: {type: apiKey, in: header, name: X-Key, x-token-prefix: 'Token '}
            """
        )
        let request = GeneratorPipeline.Request(schemaPath: small, outputDirectory: nil)
        // Pages linked by `Link` headers, a cursor and an offset.
        let board = Paths.repository.appendingPathComponent("Examples/TaskBoard/Sources/TaskBoardClient")
        var paged = GeneratorPipeline.Request(
            schemaPath: board.appendingPathComponent("openapi.yaml").path,
            outputDirectory: nil
        )
        paged.config = try GeneratorConfig.load(
            path: board.appendingPathComponent("specforge.yaml").path,
            diagnostics: Diagnostics()
        )
        return try [cvat, union, request, paged].map { try GeneratorPipeline.analyze($0, diagnostics: Diagnostics()) }
    }

    func testContextsHoldExactlyTheDocumentedKeys() throws {
        var seen: Set<String> = []
        var problems: [String] = []
        for model in try models() {
            for context in Renderer.contexts(for: model) + Renderer.pageContexts(for: model) {
                guard let template = TemplateContract.templates.first(where: { $0.name == context.template }) else {
                    problems.append("\(context.path): template \(context.template) is not in the contract")
                    continue
                }
                check(
                    context.values,
                    against: template.keys,
                    at: template.name,
                    in: context.path,
                    seen: &seen,
                    problems: &problems
                )
            }
        }
        XCTAssertEqual(problems, [])
        var documented: [String] = []
        func collect(_ keys: [TemplateContract.Key], _ prefix: String) {
            for key in keys {
                documented.append(prefix + "." + key.name)
                collect(key.keys, prefix + "." + key.name)
            }
        }
        for template in TemplateContract.templates where template.name != "Header" {
            collect(template.keys, template.name)
        }
        XCTAssertEqual(documented.filter { !seen.contains($0) }, [], "documented keys no test document reaches")
    }

    private func check(
        _ values: [String: Any],
        against keys: [TemplateContract.Key],
        at path: String,
        in file: String,
        seen: inout Set<String>,
        problems: inout [String]
    ) {
        for (name, value) in values {
            let keyPath = path + "." + name
            guard let key = keys.first(where: { $0.name == name }) else {
                problems.append("\(file): \(keyPath) is not documented")
                continue
            }
            seen.insert(keyPath)
            switch (key.kind, value) {
            case (.text, is String), (.flag, is Bool), (.lines, is [String]):
                break
            case (.list, let items as [[String: Any]]):
                for item in items {
                    check(item, against: key.keys, at: keyPath, in: file, seen: &seen, problems: &problems)
                }
            case (.object, let object as [String: Any]):
                check(object, against: key.keys, at: keyPath, in: file, seen: &seen, problems: &problems)
            default:
                problems.append("\(file): \(keyPath) is documented as \(key.kind) but holds \(type(of: value))")
            }
        }
        for key in keys where !key.isOptional && values[key.name] == nil {
            problems.append("\(file): \(path).\(key.name) is documented as always present but is missing")
        }
    }

    /// `Templates/README.md` lists the contract (regenerate with `SPECFORGE_UPDATE_DOCS=1`).
    func testTemplatesREADMEIsTheContract() throws {
        let url = Paths.repository.appendingPathComponent("Templates/README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let marker =
            "<!-- The tables below are printed from the contexts' keys (Sources/Renderer/Contexts) by TemplateContract.swift. -->\n"
        let introduction = try XCTUnwrap(text.components(separatedBy: marker).first, "no marker in Templates/README.md")
        let expected = introduction + marker + TemplateContract.markdown
        if ProcessInfo.processInfo.environment["SPECFORGE_UPDATE_DOCS"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(text, expected, "Templates/README.md is stale: run the test with SPECFORGE_UPDATE_DOCS=1")
    }
}
