import Foundation
import SpecforgeDiagnostics
import SpecforgeGenerator
import SpecforgeModel
import SpecforgePostProcessor
import SpecforgeRenderer
import XCTest

/// The reference pages (`generate --docs`): what they list and how they are written. The exact
/// pages of small documents (example values, tables, notes) are snippets 77 and 78
/// (`Tests/Snippets/Snippets.md`); that every example compiles is `make corpus` and
/// `make docs-examples`.
final class ReferencePagesTests: XCTestCase {
    private func pages(
        _ schema: String,
        config: String? = nil,
        templates: String? = nil
    ) throws -> [String: String] {
        var request = GeneratorPipeline.Request(schemaPath: schema, outputDirectory: nil)
        if let config { request.config = try GeneratorConfig.load(path: config, diagnostics: Diagnostics()) }
        request.templatesDirectory = templates
        request.docsDirectory = "unused"
        let model = try GeneratorPipeline.analyze(request, diagnostics: Diagnostics())
        let renderer = Renderer(templates: try TemplateSet(overrides: templates))
        let files = PostProcessor.processPages(renderer.renderDocs(model))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    /// `create_backup POST /api/projects/backup/ Recreate a project from a backup` → the
    /// method `createBackup`, its request and its summary.
    private struct Row: Hashable, CustomStringConvertible {
        var method: String
        var request: String
        var summary: String
        var description: String { "\(method) \(request) \(summary)" }
    }

    private func seedText(_ file: String) throws -> [String] {
        try String(contentsOf: Paths.shared.appendingPathComponent("seeds/" + file), encoding: .utf8)
            .components(separatedBy: "\n")
    }

    /// The rows of a seed page's method table (`create POST /api/projects Create a project`).
    private func seedPageRows(_ file: String) throws -> Set<Row> {
        let lines = try seedText(file)
        let start = try XCTUnwrap(lines.firstIndex(of: "Method HTTP request Description")) + 1
        return Set(lines[start...].prefix { !$0.isEmpty }.map { row(String($0)) })
    }

    /// The rows of one class in the seed's API reference index (`ProjectsApi create POST …`).
    private func seedIndexRows(_ className: String) throws -> Set<Row> {
        Set(
            try seedText("001_6ab9e06119ffb3c2.txt").filter { $0.hasPrefix(className + " ") }
                .map { row(String($0.dropFirst(className.count + 1))) }
        )
    }

    /// `create_backup POST /api/projects/backup/ Recreate…`, the method camel-cased.
    private func row(_ line: String) -> Row {
        let words = line.split(separator: " ", maxSplits: 3).map(String.init)
        let parts = words[0].split(separator: "_").map(String.init)
        let name = parts[0] + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return Row(method: name, request: words[1] + " " + words[2], summary: words.count > 3 ? words[3] : "")
    }

    private func pageRows(_ page: String) -> Set<Row> {
        var rows: Set<Row> = []
        for line in page.components(separatedBy: "\n") {
            // | [create](#create) | `POST /api/projects` | Create a project |
            guard line.hasPrefix("| ["), let nameEnd = line.firstIndex(of: "]") else { continue }
            let cells = line.components(separatedBy: " | ")
            guard cells.count == 3 else { continue }
            let name = String(line[line.index(line.startIndex, offsetBy: 3)..<nameEnd])
            let request = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            rows.insert(Row(method: name, request: request, summary: String(cells[2].dropLast(2))))
        }
        return rows
    }

    private func cvatPages(_ version: String) throws -> [String: String] {
        try pages(Paths.cvat(version), config: Paths.repository.appendingPathComponent("Schemas/cvat.yaml").path)
    }

    private func assertSameRows(_ ours: Set<Row>, _ seed: Set<Row>, _ what: String) {
        XCTAssertGreaterThan(seed.count, 8, what)
        XCTAssertEqual(ours.subtracting(seed).map(\.description).sorted(), [], "\(what): ours, not the seed's")
        XCTAssertEqual(seed.subtracting(ours).map(\.description).sorted(), [], "\(what): the seed's, not ours")
    }

    /// The seeds document CVAT 2.26.2: its API reference index lists, for ProjectsApi and
    /// CloudstoragesApi, exactly the methods, HTTP requests and summaries our pages list.
    /// The two class pages among the seeds were printed from other CVAT versions: the
    /// ProjectsApi page lacks the three deprecated export methods 2.26.2 still has (later
    /// versions removed them) and is our 2.72 page row for row, summaries included; the
    /// CloudstoragesApi page has 2.26.2's methods and requests but an older wording of the
    /// summaries ("Method creates a cloud storage…") that no schema we have carries.
    func testProjectsAndCloudstoragesPagesListTheSeedsMethods() throws {
        let old = try cvatPages("2.26.2.yml")
        for page in ["ProjectsApi", "CloudstoragesApi"] {
            let text = try XCTUnwrap(old["APIs/\(page).md"], page)
            assertSameRows(pageRows(text), try seedIndexRows(page), "2.26.2 \(page) against the seed index")
            // Every method has its section, with a Swift example that calls it.
            for row in pageRows(text) {
                let section = try XCTUnwrap(text.components(separatedBy: "\n### \(row.method)\n").last)
                XCTAssertTrue(section.contains(".\(page.prefix(1).lowercased() + page.dropFirst()).\(row.method)("))
            }
        }
        let withoutSummaries = { (rows: Set<Row>) in
            Set(rows.map { Row(method: $0.method, request: $0.request, summary: "") })
        }
        assertSameRows(
            withoutSummaries(pageRows(try XCTUnwrap(old["APIs/CloudstoragesApi.md"]))),
            withoutSummaries(try seedPageRows("002_7da6553f23528476.txt")),
            "2.26.2 CloudstoragesApi against the seed page"
        )
        let new = try cvatPages("2.72.0.json")
        assertSameRows(
            pageRows(try XCTUnwrap(new["APIs/ProjectsApi.md"])),
            try seedPageRows("000_6b1fa7cc383ecb76.txt"),
            "2.72 ProjectsApi against the seed page"
        )
    }

    func testUnionPagesNameTheAlternativesAndTheDiscriminator() throws {
        let pages = try pages(Paths.shared.appendingPathComponent("schemas/real/discriminator.yaml").path)
        let unions = pages.filter { $0.value.contains("## Alternatives") }
        XCTAssertFalse(unions.isEmpty)
        for (path, page) in unions where page.contains("The property") {
            XCTAssertTrue(page.contains("| Case | Type | Discriminator values |"), path)
            XCTAssertFalse(page.contains("| - |\n"), "\(path): a discriminated alternative without values")
        }
    }

    /// Pages are written like code: only when they change, stale ones removed, the user's
    /// own files kept; `--check` writes nothing.
    func testPagesAreWrittenIfChangedAndStalePagesRemoved() throws {
        let scratch = try ScratchDirectory()
        let schema = try scratch.write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a: {get: {operationId: a_list, tags: [a], responses: {'204': {description: done}}}}
            components: {schemas: {Old: {type: object, properties: {x: {type: string}}}}}
            """
        )
        var request = GeneratorPipeline.Request(schemaPath: schema, outputDirectory: scratch.path + "/out")
        request.docsDirectory = scratch.path + "/docs"
        let first = try GeneratorPipeline.run(request)
        XCTAssertEqual(first.pagesReport?.written, ["APIs/AApi.md", "Models/Old.md", "README.md"])
        try "# notes\n".write(toFile: scratch.path + "/docs/NOTES.md", atomically: true, encoding: .utf8)

        let second = try GeneratorPipeline.run(request)
        XCTAssertEqual(second.pagesReport?.written, [])

        try String(contentsOfFile: schema, encoding: .utf8).replacingOccurrences(of: "Old", with: "New")
            .write(toFile: schema, atomically: true, encoding: .utf8)
        request.check = true
        let check = try GeneratorPipeline.run(request)
        XCTAssertEqual(check.pagesReport?.changed, ["Models/New.md", "Models/Old.md", "README.md"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path + "/docs/Models/Old.md"))

        request.check = false
        let third = try GeneratorPipeline.run(request)
        XCTAssertEqual(third.pagesReport?.removed, ["Models/Old.md"])
        XCTAssertEqual(
            try String(contentsOfFile: scratch.path + "/docs/NOTES.md", encoding: .utf8),
            "# notes\n",
            "a file specforge did not write is kept"
        )
    }

    /// Page templates are overridable like the code templates.
    func testPageTemplatesCanBeReplaced() throws {
        let scratch = try ScratchDirectory()
        _ = try scratch.write(
            "templates/DocsModel.mustache",
            "<!-- Generated by specforge -->\n{{typeName}}: {{#properties}}{{jsonName}} {{/properties}}\n"
        )
        let pages = try pages(
            Paths.shared.appendingPathComponent("schemas/real/petstore.yaml").path,
            templates: scratch.path + "/templates"
        )
        XCTAssertEqual(pages["Models/Pet.md"], "<!-- Generated by specforge -->\nPet: `id` `name` `tag`\n")
    }
}
