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
    return try translate(path: path, options: options)
}

/// Translates the document at `path`, as the generator does: the loader's diagnostics, then the
/// model stage's, in one collection.
func translate(path: String, options: ModelOptions = ModelOptions()) throws -> (
    model: ClientModel, diagnostics: Diagnostics
) {
    let input = try DocumentLoader.load(path: path)
    let translation = ModelTranslator.translate(input, options: options)
    let diagnostics = Diagnostics()
    (input.diagnostics + translation.diagnostics).forEach(diagnostics.report)
    return (translation.model, diagnostics)
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

/// Runs the `specforge` executable that `swift build` put next to the test bundle.
func runSpecforge(_ arguments: [String]) throws -> (status: Int32, standardOutput: String, standardError: String) {
    // On Linux the bundle URL is the products folder; on macOS it is the .xctest bundle in it.
    let bundle = Bundle(for: ScratchDirectory.self).bundleURL
    let products = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    let process = Process()
    process.executableURL = products.appendingPathComponent("specforge")
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read both pipes before waiting, so a chatty run cannot fill one and block.
    nonisolated(unsafe) var printed = Data()
    let reader = Thread { printed = output.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return (
        process.terminationStatus, String(decoding: printed, as: UTF8.self), String(decoding: errorData, as: UTF8.self)
    )
}
