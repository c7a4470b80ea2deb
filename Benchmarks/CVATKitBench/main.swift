// Part 12 of `make bench`: CVATKit's memory and speed on the long operations, against the
// fake CVAT server on Django REST framework. Prints `baseline <KiB> peak <KiB> seconds <s>`.
//
//   CVATKitBench upload <server URL> <file> [asynchttpclient]   create a task from one file
//                                                 (over 100 MiB: through TUS, 10 MiB chunks)
//   CVATKitBench export <server URL> <file> [asynchttpclient]   export a task's dataset into <file>
import CVAT
import CVATKit
import Foundation
import SpecforgeAsyncHTTPClient
import SpecforgeRuntime

func memory(_ field: String) -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init) ?? "") ?? 0
    }
    return 0
}

let arguments = CommandLine.arguments
let config = CVATConfig(statusCheckPeriod: .milliseconds(50), maximumStatusCheckPeriod: .milliseconds(50))
let transport: any HTTPTransport =
    arguments.count > 4 && arguments[4] == "asynchttpclient" ? try AsyncHTTPClientTransport() : URLSessionTransport()
let client = try await CVATClient.connect(
    host: arguments[2],
    credentials: .password("admin", "secret"),
    config: config,
    transport: transport
)
let spec = TaskWriteRequest(name: "bench", labels: [PatchedLabelRequest(name: "car")])
let clock = ContinuousClock()
switch arguments[1] {
case "upload":
    let baseline = memory("VmRSS")
    let start = clock.now
    _ = try await client.tasks.createFromData(spec: spec, resources: [arguments[3]])
    let elapsed = clock.now - start
    print("baseline \(baseline) peak \(memory("VmHWM")) seconds \(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)")
case "export":
    let task = try await client.tasks.createFromData(spec: spec, resourceType: .share, resources: ["a.jpg"])
    let baseline = memory("VmRSS")
    let start = clock.now
    try await task.exportDataset(
        format: "CVAT for images 1.1",
        to: URL(fileURLWithPath: arguments[3]),
        includeImages: false
    )
    let elapsed = clock.now - start
    print("baseline \(baseline) peak \(memory("VmHWM")) seconds \(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)")
default:
    print("usage: CVATKitBench upload|export <server URL> <file>")
}
try await client.close()
