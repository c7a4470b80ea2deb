import Foundation
import XCTest

@testable import SpecforgeRenderer

/// The templates compiled into the binary are the ones in Templates/ (`make templates` updates
/// Sources/Renderer/EmbeddedTemplates.swift).
final class EmbeddedTemplatesTests: XCTestCase {
    func testEmbeddedTemplatesMatchTheTemplatesFolder() throws {
        let folder = Paths.repository.appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".mustache")
        }
        var onDisk: [String: String] = [:]
        for file in files {
            onDisk[String(file.dropLast(".mustache".count))] = try String(
                contentsOf: folder.appendingPathComponent(file),
                encoding: .utf8
            )
        }
        XCTAssertEqual(EmbeddedTemplates.all.keys.sorted(), onDisk.keys.sorted(), "run `make templates`")
        for (name, text) in onDisk {
            XCTAssertEqual(EmbeddedTemplates.all[name], text, "\(name).mustache changed: run `make templates`")
        }
    }
}
