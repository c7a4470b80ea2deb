// libFuzzer entry point for the parser and the model stage (`make fuzz`).
//
// Every input must end in a document or a diagnostic: a crash, a hang (libFuzzer's -timeout) or
// runaway memory (-rss_limit_mb) is a bug. Inputs that found one are kept in
// Tests/Fuzz/Regressions and replayed by the unit tests.

import SpecforgeModel
import SpecforgeParser

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The path points nowhere, so relative references fail as unreadable files.
    guard let input = try? DocumentLoader.load(contents: bytes, path: "/nonexistent/fuzz/input.yaml") else { return 0 }
    _ = ModelTranslator.translate(input, options: ModelOptions())
    return 0
}
