import CVAT
import Foundation
import SpecforgeRuntime

/// A detection function that runs as another process and speaks JSON lines over its standard
/// input and output, so a model in any language can annotate a task (`cvat task auto-annotate
/// --function-command`). The protocol, version 1 (one JSON object per line):
///
/// 1. → `{"protocol": "cvat-detection-function/1", "parameters": {"name": value, …}}`
/// 2. ← `{"spec": {"labels": [label, …]}}` — labels as CVAT's `PatchedLabelRequest`, each with
///    an `id` (see `DetectionFunctionSpec`).
/// 3. For each frame → `{"frame": {"index": 3, "name": "img3.jpg", "file": "/tmp/…/frame.jpg",
///    "width": 640, "height": 480}, "conf_threshold": 0.5 or null, "conv_mask_to_poly": false}`,
///    and ← `{"tags": [tag, …], "shapes": [shape, …]}` — CVAT's `LabeledImageRequest` and
///    `LabeledShapeRequest` with the spec's label ids (`frame` may be left out: it is 0) — or
///    `{"error": "message"}`. The image file is removed once the answer is read.
/// 4. Standard input closes; the process exits. Its standard error is passed through.
///
/// Anything else — a line that is not JSON, a missing key, an early exit — is a
/// `BadFunctionError` naming what was expected.
///
/// The process answers one frame at a time: `detect` is not to be called concurrently
/// (`annotateTask` calls it frame after frame).
public actor ProcessFunction: DetectionFunction {
    public static let protocolName = "cvat-detection-function/1"

    public let spec: DetectionFunctionSpec
    private let process: Process
    private let input: FileHandle
    private let output: LineReader
    private let frames: URL
    private var busy = false

    /// Starts `command` with `/bin/sh -c` and reads its spec.
    ///
    /// - Parameter parameters: JSON values (strings, numbers, booleans) sent in the first line.
    public init(command: String, parameters: [String: any Sendable] = [:]) async throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        try process.run()
        input = stdin.fileHandleForWriting
        output = LineReader(stdout.fileHandleForReading)
        frames = FileManager.default.temporaryDirectory.appendingPathComponent("cvat-function-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: frames, withIntermediateDirectories: true)
        let hello: [String: Any] = ["protocol": Self.protocolName, "parameters": parameters]
        let reply = try await Self.exchange(hello, input: input, output: output, expecting: ["spec"])
        guard let specObject = reply["spec"] as? [String: Any], let rawLabels = specObject["labels"] as? [Any] else {
            throw BadFunctionError("function broke the protocol: expected {\"spec\": {\"labels\": [...]}}")
        }
        let labels: [PatchedLabelRequest]
        do {
            labels = try rawLabels.map { try PatchedLabelRequest(jsonObject: $0) }
        } catch {
            throw BadFunctionError("function broke the protocol: its spec's labels cannot be read: \(error)")
        }
        spec = try DetectionFunctionSpec(labels: labels)
    }

    deinit {
        try? input.close()
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: frames)
    }

    /// Closes the function's input and waits for it to exit.
    public func finish() async {
        try? input.close()
        process.waitUntilExit()
    }

    public func detect(context: DetectionContext, image: FrameImage) async throws -> [DetectionAnnotation] {
        let file = frames.appendingPathComponent("frame-\(UUID().uuidString).\(image.fileExtension)")
        try image.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let request: [String: Any] = [
            "frame": [
                "index": context.frameIndex, "name": context.frameName, "file": file.path, "width": image.width,
                "height": image.height,
            ],
            "conf_threshold": context.confThreshold.map { $0 as Any } ?? NSNull(),
            "conv_mask_to_poly": context.convertMasksToPolygons,
        ]
        guard !busy else { throw BadFunctionError("a process function answers one frame at a time") }
        busy = true
        defer { busy = false }
        let reply = try await Self.exchange(request, input: input, output: output, expecting: ["tags", "shapes"])
        if let message = reply["error"] as? String {
            throw BadFunctionError("function failed on frame '\(context.frameName)': \(message)")
        }
        var annotations: [DetectionAnnotation] = []
        for raw in reply["tags"] as? [Any] ?? [] {
            annotations.append(.tag(try Self.decode(LabeledImageRequest.self, raw, kind: "tag")))
        }
        for raw in reply["shapes"] as? [Any] ?? [] {
            annotations.append(.shape(try Self.decode(LabeledShapeRequest.self, raw, kind: "shape")))
        }
        return annotations
    }

    /// A tag or shape read from the function's JSON, `frame` 0 where it is left out.
    private static func decode<Model: APIModel>(_ type: Model.Type, _ raw: Any, kind: String) throws -> Model {
        guard var object = raw as? [String: Any] else {
            throw BadFunctionError("function output a \(kind) that is not a JSON object")
        }
        if object["frame"] == nil { object["frame"] = 0 }
        if var elements = object["elements"] as? [[String: Any]] {
            for index in elements.indices where elements[index]["frame"] == nil { elements[index]["frame"] = 0 }
            object["elements"] = elements
        }
        do {
            return try Model(jsonObject: object)
        } catch {
            throw BadFunctionError("function output a \(kind) that cannot be read: \(error)")
        }
    }

    private static func exchange(
        _ message: [String: Any],
        input: FileHandle,
        output: LineReader,
        expecting keys: [String]
    ) async throws -> [String: Any] {
        let expected = keys.map { "\"\($0)\"" }.joined(separator: " or ")
        let line = try JSONSerialization.data(withJSONObject: message, options: [.sortedKeys]) + Data("\n".utf8)
        do {
            try input.write(contentsOf: line)
        } catch {
            throw BadFunctionError("function broke the protocol: it stopped reading its input")
        }
        guard let answer = try await output.nextLine() else {
            throw BadFunctionError("function broke the protocol: it exited instead of answering with \(expected)")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(answer.utf8))) as? [String: Any],
            keys.contains(where: { object[$0] != nil }) || object["error"] != nil
        else {
            throw BadFunctionError(
                "function broke the protocol: expected a JSON object with \(expected), got: \(answer.prefix(200))"
            )
        }
        return object
    }
}

/// Lines of a pipe, read on a background thread so the caller's task does not block.
final class LineReader: @unchecked Sendable {
    // `@unchecked`: `buffer` is only touched by one `nextLine` at a time (ProcessFunction's lock).
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    func nextLine() async throws -> String? {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                while true {
                    if let newline = self.buffer.firstIndex(of: UInt8(ascii: "\n")) {
                        let line = self.buffer[..<newline]
                        self.buffer.removeSubrange(...newline)
                        continuation.resume(returning: String(decoding: line, as: UTF8.self))
                        return
                    }
                    let chunk = self.handle.availableData
                    if chunk.isEmpty {
                        let rest = self.buffer
                        self.buffer.removeAll()
                        continuation.resume(returning: rest.isEmpty ? nil : String(decoding: rest, as: UTF8.self))
                        return
                    }
                    self.buffer.append(chunk)
                }
            }
        }
    }
}

extension FrameImage {
    /// `jpg`, `png`, … from the image's first bytes.
    var fileExtension: String {
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "png" }
        if data.starts(with: [0x42, 0x4D]) { return "bmp" }
        if data.count > 12, data[data.startIndex + 8..<data.startIndex + 12].elementsEqual("WEBP".utf8) {
            return "webp"
        }
        return "jpg"
    }
}
