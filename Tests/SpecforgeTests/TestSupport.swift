import Foundation
import SpecforgeDiagnostics
import SpecforgeModel
import SpecforgeParser
import XCTest

/// The repository root and the shared schemas, found from this file's location.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    static let cvatSchemas = shared.appendingPathComponent("schemas/cvat")

    static func cvat(_ version: String) -> String {
        cvatSchemas.appendingPathComponent("cvat-\(version)").path
    }
}

/// A scratch directory removed when the test ends.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "specforge-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// Translates a document given as text; returns the model and the diagnostics.
func translate(_ yaml: String, file name: String = "api.yaml", options: ModelOptions = ModelOptions()) throws
    -> (model: ClientModel, diagnostics: Diagnostics)
{
    let scratch = try ScratchDirectory()
    let path = try scratch.write(name, yaml)
    let diagnostics = Diagnostics()
    let loader = DocumentLoader(diagnostics: diagnostics)
    let document = try loader.load(path: path)
    return (ModelTranslator.translate(document, loader: loader, options: options), diagnostics)
}

extension ClientModel {
    func type(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> TypeDeclaration? {
        let found = types.first { $0.name == name }
        if found == nil { XCTFail("no type \(name); have \(types.map(\.name))", file: file, line: line) }
        return found
    }

    func structure(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> StructModel? {
        guard let declaration = type(name, file: file, line: line) else { return nil }
        guard case .structure(let model) = declaration.kind else {
            XCTFail("\(name) is \(declaration.kind), not a struct", file: file, line: line)
            return nil
        }
        return model
    }

    var operations: [OperationModel] { groups.flatMap(\.operations) }
}

extension StructModel {
    func property(_ wireName: String) -> PropertyModel? {
        properties.first { $0.wireName == wireName }
    }
}
