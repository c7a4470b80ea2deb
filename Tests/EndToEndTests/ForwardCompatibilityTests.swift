import CVAT261
import Foundation
import SpecforgeRuntime
import XCTest

/// Scenario 6: a client generated from CVAT 2.61 decodes what a 2.72 server sends: fields it
/// has never heard of are ignored, enum values it does not know are kept.
final class ForwardCompatibilityTests: EndToEndTestCase {
    func testOlderClientDecodesNewerResponses() async throws {
        let client = ApiClient(configuration: adminConfiguration)
        let task = try await client.tasksApi.retrieve(id: 261).body()
        XCTAssertEqual(task.id, 261)
        XCTAssertEqual(task.size, 3)
        let chunkType = try XCTUnwrap(task.dataCompressedChunkType)
        XCTAssertEqual(chunkType.rawValue, "audio_mp3")
        XCTAssertFalse(chunkType.isKnown, "audio_mp3 is new in 2.72")
        XCTAssertEqual(task.dataOriginalChunkType, .imageset)
        XCTAssertFalse(ChunkType.allCases.contains(chunkType))
        // Encoding keeps the unknown value, so it can be sent back unchanged.
        let encoded = try JSONSerialization.jsonObject(with: try task.jsonData()) as? [String: Any]
        XCTAssertEqual(encoded?["data_compressed_chunk_type"] as? String, "audio_mp3")
    }
}
