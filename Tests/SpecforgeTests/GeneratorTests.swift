import Foundation
import SpecforgeDiagnostics
import SpecforgeGenerator
import SpecforgePostProcessor
import SpecforgeRenderer
import SpecforgeSupport
import XCTest

final class GeneratorTests: XCTestCase {
    private func cvatRequest(output: String?) throws -> GeneratorPipeline.Request {
        var request = GeneratorPipeline.Request(schemaPath: Paths.cvat("2.72.0.json"), outputDirectory: output)
        request.config = try GeneratorConfig.load(
            path: Paths.repository.appendingPathComponent("Schemas/cvat.yaml").path,
            diagnostics: Diagnostics()
        )
        return request
    }

    /// `Generated/CVAT` is exactly what the generator makes of the 2.72 schema.
    func testCommittedCVATClientHasNotDrifted() throws {
        var request = try cvatRequest(output: Paths.repository.appendingPathComponent("Generated/CVAT").path)
        request.check = true
        let result = try GeneratorPipeline.run(request)
        XCTAssertEqual(result.report?.changed, [], "Generated/CVAT is stale: run `make generate`")
    }

    func testCVATClientCoversEveryOperationAndSchema() throws {
        let result = try GeneratorPipeline.run(try cvatRequest(output: nil))
        XCTAssertEqual(result.operationCount, 190)
        XCTAssertEqual(result.model.groups.count, 27)
        let schemaNames = try componentSchemaNames(Paths.cvat("2.72.0.json"))
        let typeNames = Set(result.model.types.map(\.name))
        XCTAssertEqual(schemaNames.filter { !typeNames.contains($0) }, ["NullEnum"])
        let client = try XCTUnwrap(result.files.first { $0.path == "ApiClient.swift" })
        for group in result.model.groups {
            XCTAssertTrue(
                client.contents.contains(
                    "public var \(group.propertyName): \(group.typeName) { \(group.typeName)(self) }"
                )
            )
        }
        XCTAssertEqual(
            result.model.groups.first { $0.typeName == "TasksApi" }?.operations.first {
                $0.operationId == "tasks_create_backup_export"
            }?.name,
            "createBackupExport"
        )
    }

    func testTwoGenerationsAreByteIdentical() throws {
        let first = try GeneratorPipeline.run(try cvatRequest(output: nil)).files
        let second = try GeneratorPipeline.run(try cvatRequest(output: nil)).files
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.map(\.path), first.map(\.path).sorted())
        XCTAssertFalse(
            first.contains { $0.contents.contains("/work/") || $0.contents.contains(NSHomeDirectory() + "/") }
        )
    }

    func testWriterTouchesOnlyChangedFilesAndRemovesStaleOnes() throws {
        let scratch = try ScratchDirectory()
        let writer = OutputWriter(directory: scratch.path)
        let marker = OutputWriter.marker
        let files = [
            RenderedFile(path: "Models/A.swift", contents: "\(marker) x\nstruct A {}\n"),
            RenderedFile(path: "Models/B.swift", contents: "\(marker) x\nstruct B {}\n"),
        ]
        XCTAssertEqual(try writer.write(files).written, ["Models/A.swift", "Models/B.swift"])
        let path = scratch.path + "/Models/A.swift"
        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        try scratch.write("Models/Mine.swift", "// a file the user wrote\n")

        var changed = files
        changed[1].contents += "// changed\n"
        changed.removeFirst()
        changed.append(RenderedFile(path: "Models/C.swift", contents: "\(marker) x\nstruct C {}\n"))
        let check = try writer.write(changed + [files[0]], check: true)
        XCTAssertEqual(check.written, ["Models/B.swift", "Models/C.swift"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/Models/C.swift"), "check writes nothing")

        let report = try writer.write([files[0]] + changed)
        XCTAssertEqual(report.unchanged, ["Models/A.swift"])
        XCTAssertEqual(report.written, ["Models/B.swift", "Models/C.swift"])
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        XCTAssertEqual(modified, past, "an unchanged file keeps its modification time")

        let shrink = try writer.write([files[0]])
        XCTAssertEqual(shrink.removed, ["Models/B.swift", "Models/C.swift"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path + "/Models/Mine.swift"), "user files stay")
    }

    func testFailedRunLeavesPreviousOutputUntouched() throws {
        let scratch = try ScratchDirectory()
        let output = scratch.path + "/out"
        let good = try scratch.write(
            "good.yaml",
            "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {A: {type: object}}}\n"
        )
        _ = try GeneratorPipeline.run(GeneratorPipeline.Request(schemaPath: good, outputDirectory: output))
        let before = try FileManager.default.contentsOfDirectory(atPath: output + "/Models")
        let bad = try scratch.write("bad.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: []\n")
        XCTAssertThrowsError(
            try GeneratorPipeline.run(GeneratorPipeline.Request(schemaPath: bad, outputDirectory: output))
        ) { error in
            let diagnostics = (error as! GenerationFailed).diagnostics
            XCTAssertEqual(
                diagnostics.map(\.description),
                ["\(bad):3:8: error: 'paths' must be a mapping, found a sequence [#/paths]"]
            )
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output + "/Models"), before)
    }

    func testTemplatesCanBeOverriddenByFileName() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(
            "templates/TypeAlias.mustache",
            "{{> Header}}\n// custom alias template\npublic typealias {{name}} = {{type}}\n"
        )
        let schema = try scratch.write(
            "api.yaml",
            "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {Names: {type: array, items: {type: string}}}}\n"
        )
        var request = GeneratorPipeline.Request(schemaPath: schema, outputDirectory: nil)
        request.templatesDirectory = scratch.path + "/templates"
        let files = try GeneratorPipeline.run(request).files
        XCTAssertEqual(
            files.first { $0.path == "Models/Names.swift" }?.contents.contains("// custom alias template"),
            true
        )
    }

    private func componentSchemaNames(_ path: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let schemas = (json["components"] as! [String: Any])["schemas"] as! [String: Any]
        return schemas.keys.sorted()
    }
}

/// `servers: [{url: "https://{region}.example.com", variables: …}]`: the default server is the
/// URL with every default (the Swift it becomes is snippet 70, `Tests/Snippets/Snippets.md`).
final class ServerVariableTests: XCTestCase {
    func testDefaultServerUsesTheDefaults() throws {
        let scratch = try ScratchDirectory()
        let schema = try scratch.write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers:
            - url: 'https://{region}.example.com/{base-path}'
              variables:
                region: {default: eu, enum: [eu, us], description: Where the data lives.}
                base-path: {default: v1}
            paths: {}
            """
        )
        let result = try GeneratorPipeline.run(GeneratorPipeline.Request(schemaPath: schema, outputDirectory: nil))
        XCTAssertEqual(result.model.serverURL, "https://eu.example.com/v1")
    }
}
