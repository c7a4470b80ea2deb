// Part 11 of `make bench`: the memory an upload takes. Uploads one file through the multipart
// endpoint of the fake CVAT server (POST /api/tasks/42/data/) and prints the resident set
// before the upload and its peak, in KiB, and the status: `baseline <kib> peak <kib> status <n>`.
//
// Only API that existed before streamed uploads, so that the same program also builds against
// the runtime as it was (the "before" column).
//
// Usage: UploadMemory <server URL> <file> [urlsession|asynchttpclient]
import CVAT
import Foundation
import SpecforgeRuntime

#if ASYNC_HTTP_CLIENT
    import SpecforgeAsyncHTTPClient
#endif

/// `VmRSS` (now) or `VmHWM` (peak) from /proc/self/status, in KiB.
func memory(_ field: String) -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init) ?? "") ?? 0
    }
    return 0
}

let arguments = CommandLine.arguments
let configuration = Configuration(host: URL(string: arguments[1])!, username: "admin", password: "secret")
let transport: any HTTPTransport
#if ASYNC_HTTP_CLIENT
    transport =
        arguments.count > 3 && arguments[3] == "asynchttpclient"
        ? try AsyncHTTPClientTransport() : URLSessionTransport()
#else
    transport = URLSessionTransport()
#endif
let client = ApiClient(configuration: configuration, transport: transport)
// Warm up: the first request loads what every request needs.
_ = try? await client.tasksApi.retrieve(id: 42)
let baseline = memory("VmRSS")
let request = DataRequest(imageQuality: 75, clientFiles: [UploadFile(fileURL: URL(fileURLWithPath: arguments[2]))])
// The fake server reads the whole body, then answers 418 (it expects the tests' two images):
// the status is printed, not checked.
let response = try await client.tasksApi.createData(
    id: 42,
    dataRequest: request,
    options: RequestOptions(checkStatus: false, contentType: "multipart/form-data")
)
print("baseline \(baseline) peak \(memory("VmHWM")) status \(response.status)")
