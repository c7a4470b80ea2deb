// Part 11 of `make bench`: what the production runtime costs per call, and the transports'
// throughput on loopback.
//
//   RuntimeCosts validation
//       encoding a TaskWriteRequest (8 labels with attributes) as JSON, against checking it
//       (client-side validation), per call; and whole calls through a transport that answers
//       at once, validation on and off;
//   RuntimeCosts throughput <transport server URL> <MB>
//       downloading and uploading <MB> through URLSessionTransport and AsyncHTTPClientTransport.
import CVAT
import Foundation
import SpecforgeAsyncHTTPClient
import SpecforgeRuntime

func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    return sorted[sorted.count / 2]
}

/// Seconds per run of `body`, the median of 15 rounds of `count` runs.
func timePerRun(_ count: Int, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<15 {
        let start = ContinuousClock.now
        for _ in 0..<count { try body() }
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return median(samples) / Double(count)
}

func asyncTimePerRun(_ count: Int, _ body: () async throws -> Void) async rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<15 {
        let start = ContinuousClock.now
        for _ in 0..<count { try await body() }
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return median(samples) / Double(count)
}

/// Answers every request with an empty 201, without a network.
struct ImmediateTransport: HTTPTransport {
    func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        HTTPResponse(status: 201)
    }

    func download(_ request: HTTPRequest, to destination: URL, timeout: Duration?) async throws -> HTTPResponse {
        try await send(request, timeout: timeout)
    }
}

func validationCosts() async throws {
    let labels = (0..<8).map { index in
        PatchedLabelRequest(
            name: "label \(index)",
            color: "#ff00ff",
            attributes: (0..<3).map {
                AttributeRequest(
                    name: "attribute \($0)",
                    mutable: true,
                    inputType: .select,
                    defaultValue: "a",
                    values: ["a", "b", "c"]
                )
            }
        )
    }
    let task = TaskWriteRequest(
        name: "a task",
        bugTracker: "https://example.com/issues/1",
        segmentSize: 100,
        labels: labels,
        subset: "train"
    )
    let encode = try timePerRun(2_000) { _ = try JSONCoding.encode(task) }
    let validate = try timePerRun(2_000) { try task.validate() }
    print(String(format: "encode %.2f validate %.2f share %.1f", encode * 1e6, validate * 1e6, validate / encode * 100))

    for enabled in [true, false] {
        var configuration = Configuration(host: URL(string: "http://127.0.0.1")!, accessToken: "t")
        configuration.clientSideValidation = enabled
        let client = ApiClient(configuration: configuration, transport: ImmediateTransport())
        // The answer is not decoded: what is measured is building and sending the request.
        let call = try await asyncTimePerRun(500) {
            _ = try await client.tasksApi.create(taskWriteRequest: task, options: RequestOptions(parseResponse: false))
        }
        print(String(format: "call %@ %.2f", enabled ? "on" : "off", call * 1e6))
    }
}

func throughput(server: URL, megabytes: Int) async throws {
    let size = megabytes << 20
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("throughput-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: file.path, contents: Data(repeating: 7, count: size))
    defer { try? FileManager.default.removeItem(at: file) }
    let destination = file.appendingPathExtension("download")
    defer { try? FileManager.default.removeItem(at: destination) }
    let transports: [(String, any HTTPTransport)] = [
        ("URLSessionTransport", URLSessionTransport()), ("AsyncHTTPClientTransport", try AsyncHTTPClientTransport()),
    ]
    for (name, transport) in transports {
        var downloads: [Double] = []
        var uploads: [Double] = []
        for _ in 0..<3 {
            var start = ContinuousClock.now
            let download = HTTPRequest(method: .get, url: server.appendingPathComponent("bytes/\(size)"))
            _ = try await transport.download(download, to: destination, timeout: .seconds(300))
            downloads.append(seconds(ContinuousClock.now - start))
            start = ContinuousClock.now
            let upload = HTTPRequest(
                method: .put,
                url: server.appendingPathComponent("echo"),
                body: try HTTPBody(fileURL: file)
            )
            _ = try await transport.send(upload, timeout: .seconds(300))
            uploads.append(seconds(ContinuousClock.now - start))
        }
        let mb = Double(megabytes)
        print(String(format: "%@ download %.0f upload %.0f", name, mb / median(downloads), mb / median(uploads)))
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

switch CommandLine.arguments.dropFirst().first {
case "validation":
    try await validationCosts()
case "throughput":
    try await throughput(
        server: URL(string: CommandLine.arguments[2])!,
        megabytes: Int(CommandLine.arguments[3]) ?? 200
    )
default:
    print("usage: RuntimeCosts validation | throughput <server URL> <MB>")
    exit(2)
}
