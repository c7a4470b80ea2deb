import CVAT
import CVATKit
import Foundation
import SpecforgeRuntime
import Testing

/// CVATKit against the fake CVAT server on Django REST framework: the seed's high-level
/// example, uploads as cvat-sdk makes them (bulk groups and TUS, resumed after a refused
/// chunk), waiting without busy polling, repositories and entities.
extension FakeCVATServerSuites {
    @Suite("CVATKit")
    struct HighLevelTests {
        let server = DRFServer.shared

        func connect(_ config: CVATConfig = CVATConfig(statusCheckPeriod: .milliseconds(20))) async throws -> CVATClient
        {
            try await CVATClient.connect(
                host: server.url.absoluteString,
                credentials: .password("admin", "secret"),
                config: config
            )
        }

        @Test("the seed's high-level example: create from two local images, fetch, retrieve, update, remove")
        func seedExample() async throws {
            try await server.reset()
            let scratch = try Scratch()
            let images = [try scratch.file("image1.jpg", size: 2000), try scratch.file("image2.png", size: 3000)]
            try await createExampleTask(host: server.url.absoluteString, images: images)
            let requests = try await server.log().map { "\($0.method) \($0.path)" }
            #expect(requests.first == "GET /api/server/about")
            #expect(requests.contains("PATCH /api/tasks/1"))
            #expect(requests.contains("DELETE /api/tasks/1"))
            #expect(requests.last == "POST /api/auth/logout", "withClient logs out at the end")
            let state = try await server.state()
            #expect((state["tasks"] as? [String: Any])?.isEmpty == true, "the task was removed")
        }

        @Test("local files: grouped into bulk requests under the limit, larger ones through TUS, in cvat-sdk's order")
        func uploadsAsCvatSdk() async throws {
            try await server.reset()
            let scratch = try Scratch()
            let sizes = [300, 500, 400, 1200, 50]
            let files = try sizes.enumerated().map { try scratch.file("img\($0.offset).jpg", size: $0.element) }
            let progress = RecordingProgress()
            let client = try await connect(
                CVATConfig(statusCheckPeriod: .milliseconds(20), uploadRequestLimit: 1000, tusChunkSize: 512)
            )
            let task = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "grouped", labels: [PatchedLabelRequest(name: "car")]),
                resources: files,
                dataParams: DataParams(imageQuality: 80, frameStep: 1),
                progress: progress
            )
            #expect(task.size == 5)
            let requests = try await server.log().filter { $0.path.hasPrefix("/api/tasks/\(task.id)/data") }
            let kinds = requests.map { request -> String in
                if request.headers["HTTP_UPLOAD_START"] != nil { return "start" }
                if request.headers["HTTP_UPLOAD_MULTIPLE"] != nil {
                    return "bulk " + request.fileNames.joined(separator: ",")
                }
                if request.headers["HTTP_UPLOAD_FINISH"] != nil { return "finish" }
                if request.headers["HTTP_UPLOAD_LENGTH"] != nil {
                    return "tus create \(request.headers["HTTP_UPLOAD_LENGTH"]!)"
                }
                return "\(request.method) \(request.headers["HTTP_UPLOAD_OFFSET"] ?? "")"
            }
            // cvat-sdk's grouping of [300, 500, 400, 1200, 50] under 1000: [img0, img1], [img2, img4]; img3 by TUS.
            #expect(
                kinds == [
                    "start", "bulk img0.jpg,img1.jpg", "bulk img2.jpg,img4.jpg", "tus create 1200", "PATCH 0",
                    "PATCH 512",
                    "PATCH 1024", "finish",
                ]
            )
            #expect(requests.allSatisfy { $0.headers["HTTP_TRANSFER_ENCODING"] == nil }, "never chunked")
            let storedFiles = ((try await server.state()["tasks"] as? [String: Any])?["\(task.id)"] as? [String: Any])?[
                "files"
            ]
            #expect(storedFiles as? [String] == ["img0.jpg", "img1.jpg", "img2.jpg", "img3.jpg", "img4.jpg"])
            // Bytes first (the total of the files), then the wait.
            #expect(progress.events.first == "start 2450 Uploading data")
            #expect(progress.events.contains("finish"))
        }

        @Test("a TUS upload whose chunk the server refuses resumes from the server's offset")
        func tusResumes() async throws {
            try await server.reset(failPatches: [2])
            let scratch = try Scratch()
            let big = try scratch.file("video.mp4", size: 3000)
            let client = try await connect(
                CVATConfig(statusCheckPeriod: .milliseconds(20), uploadRequestLimit: 1000, tusChunkSize: 1024)
            )
            let task = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "resumed", labels: [PatchedLabelRequest(name: "car")]),
                resources: [big]
            )
            #expect(task.size == 1)
            let tus = try await server.log().filter { $0.method == "PATCH" || $0.method == "HEAD" }
            #expect(
                tus.map { "\($0.method) \($0.headers["HTTP_UPLOAD_OFFSET"] ?? "-") \($0.status ?? 0)" }
                    == ["PATCH 0 204", "PATCH 1024 500", "HEAD - 200", "PATCH 1024 204", "PATCH 2048 204"]
            )
        }

        @Test("waiting polls a bounded number of times over a server-controlled delay, and times out")
        func boundedPolling() async throws {
            try await server.reset(pollsBeforeFinish: 6)
            let scratch = try Scratch()
            let client = try await connect(
                CVATConfig(statusCheckPeriod: .milliseconds(10), maximumStatusCheckPeriod: .milliseconds(80))
            )
            let clock = ContinuousClock()
            let start = clock.now
            _ = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "slow", labels: [PatchedLabelRequest(name: "car")]),
                resources: [try scratch.file("a.jpg", size: 10)]
            )
            let polls = try await server.log().filter { $0.path.hasPrefix("/api/requests/") }
            #expect(polls.count == 7, "6 unfinished answers, then finished")
            // 10 + 20 + 40 + 80 + 80 + 80 ms of waiting: the delay grew instead of spinning.
            #expect(clock.now - start >= .milliseconds(300))

            try await server.reset(pollsBeforeFinish: 1000)
            let impatient = try await connect(
                CVATConfig(
                    statusCheckPeriod: .milliseconds(10),
                    maximumStatusCheckPeriod: .milliseconds(50),
                    waitTimeout: .milliseconds(300)
                )
            )
            await #expect {
                _ = try await impatient.tasks.createFromData(
                    spec: TaskWriteRequest(name: "never", labels: [PatchedLabelRequest(name: "car")]),
                    resources: [try scratch.file("b.jpg", size: 10)]
                )
            } throws: { error in
                if case CVATError.timeout = error { return true }
                return false
            }
            let impatientPolls = try await server.log().filter { $0.path.hasPrefix("/api/requests/") }.count
            #expect(impatientPolls <= 9, "at most one poll per period: \(impatientPolls)")
        }

        @Test("a request the server marks failed is an error with the server's message")
        func failedRequest() async throws {
            try await server.reset()
            let client = try await connect()
            await #expect {
                _ = try await client.tasks.createFromData(
                    spec: TaskWriteRequest(name: "empty", labels: [PatchedLabelRequest(name: "car")]),
                    resources: []
                )
            } throws: { error in
                (error as? CVATError) == .requestFailed(id: "create:task-1", message: "No media data found")
            }
        }

        @Test("remote and share resources go as JSON, without upload headers")
        func remoteAndShare() async throws {
            try await server.reset()
            let client = try await connect()
            let remote = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "remote", labels: [PatchedLabelRequest(name: "car")]),
                resourceType: .remote,
                resources: ["https://example.com/a.jpg", "https://example.com/b.jpg"]
            )
            let share = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "share", labels: [PatchedLabelRequest(name: "car")]),
                resourceType: .share,
                resources: ["images/c.jpg"],
                dataParams: DataParams(imageQuality: 95, chunkSize: 10)
            )
            #expect(remote.size == 2)
            #expect(share.size == 1)
            #expect(share.imageQuality == 95)
            let data = try await server.log().filter { $0.path.hasSuffix("/data/") }
            #expect(data.count == 2)
            #expect(data.allSatisfy { $0.headers.keys.allSatisfy { !$0.hasPrefix("HTTP_UPLOAD") } })
        }

        @Test("repositories list every page; entities update and remove; organizations are scoped")
        func repositories() async throws {
            try await server.reset()
            let client = try await connect()
            for index in 0..<12 {
                _ = try await client.projects.create(ProjectWriteRequest(name: "project \(index)"))
            }
            #expect(try await client.projects.list().count == 12, "two pages of 10 and 2")
            let project = try await client.projects.create(json: ["name": "seed", "labels": [["name": "dog"]]])
            try await project.update(json: ["name": "renamed"])
            #expect(project.name == "renamed")
            #expect(try await project.labels().map(\.name) == ["dog"])
            try await client.projects.remove(ids: [project.id, 9999])
            #expect(try await client.projects.list().count == 12, "a missing id is skipped")

            #expect(client.organizationSlug == nil)
            try await client.withOrganization("team") {
                #expect(client.organizationSlug == "team")
                _ = try await client.projects.list()
            }
            #expect(client.organizationSlug == nil)
            let listed = try await server.log().filter { $0.path == "/api/projects" && $0.method == "GET" }
            #expect(listed.last?.headers["HTTP_X_ORGANIZATION"] == "team")
            guard case .user(let me) = try await client.users.current() else {
                Issue.record("the current user is a full User")
                return
            }
            #expect(me.username == "admin")
        }

        @Test("an object's children are listed in the object's organization, whatever the client's")
        func childrenInTheirOrganization() async throws {
            try await server.reset()
            let scratch = try Scratch()
            let client = try await connect()
            let task = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "personal", segmentSize: 2, labels: [PatchedLabelRequest(name: "car")]),
                resources: try ["a.jpg", "b.jpg", "c.jpg"].map { try scratch.file($0, size: 100) }
            )
            let jobs = try await client.withOrganization("team") { try await task.jobs() }
            #expect(jobs.count == 2)
            let listing = try await server.log().filter { $0.path == "/api/jobs" }
            #expect(!listing.isEmpty && listing.allSatisfy { $0.headers["HTTP_X_ORGANIZATION"] == nil })
            #expect(listing.allSatisfy { $0.query.split(separator: "&").contains("org=") }, "the personal workspace")

            let job = try #require(jobs.last)
            let frames = try await job.downloadFrames([1, 0], to: scratch.folder.appendingPathComponent("job"))
            #expect(frames.map(\.lastPathComponent) == ["frame_000001.jpg", "frame_000000.jpg"])
            #expect(try Data(contentsOf: frames[0]) == (try await task.frame(1, quality: .original)))
            await #expect(throws: APIError.self, "frame 0 is outside the second job") {
                _ = try await jobs[0].frame(0)
            }
        }

        @Test("logging in with a token sends it as Bearer; logout forgets it; an unsupported server warns or fails")
        func authenticationAndVersions() async throws {
            try await server.reset()
            let client = try CVATClient(url: server.url.absoluteString)
            try await client.login(.accessToken("not-the-token"))
            await #expect(throws: APIError.self) { _ = try await client.users.current() }
            try await client.logout()
            #expect(!client.hasCredentials)

            try await server.control(["version": "2.80.0"])
            let warnings = WarningLog()
            _ = try await CVATClient.connect(
                host: server.url.absoluteString,
                config: CVATConfig(warn: { warnings.add($0) })
            )
            #expect(warnings.all.first?.contains("2.80.0") == true)
            await #expect {
                _ = try await CVATClient.connect(
                    host: server.url.absoluteString,
                    config: CVATConfig(allowUnsupportedServer: false)
                )
            } throws: { error in
                if case CVATError.unsupportedServer = error { return true }
                return false
            }
        }

        @Test("exports stream to a new file and never overwrite one; frames are written by number")
        func exportsAndFrames() async throws {
            try await server.reset()
            try await server.control(["export_size": 3 << 20])
            let scratch = try Scratch()
            let client = try await connect()
            let task = try await client.tasks.createFromData(
                spec: TaskWriteRequest(name: "exported", labels: [PatchedLabelRequest(name: "car")]),
                resources: [try scratch.file("a.jpg", size: 100), try scratch.file("b.jpg", size: 100)]
            )
            let destination = scratch.folder.appendingPathComponent("dataset.zip")
            try await task.exportDataset(format: "CVAT for images 1.1", to: destination, includeImages: true)
            let size = try FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? NSNumber
            #expect(size?.intValue == 3 << 20)
            let before = try await server.log().count
            await #expect(throws: CVATError.fileExists(destination.path)) {
                try await task.exportDataset(format: "CVAT for images 1.1", to: destination)
            }
            #expect(try await server.log().count == before, "refused before asking the server")

            let frames = try await task.downloadFrames([0, 1], to: scratch.folder.appendingPathComponent("frames"))
            #expect(frames.map(\.lastPathComponent) == ["frame_000000.jpg", "frame_000001.jpg"])
            #expect(try Data(contentsOf: frames[0]) == (try await task.frame(0, quality: .original)))
        }

        @Test("the server reads a multipart list as DRF does: indexed names only, a repeated name is ignored")
        func multipartListsAsDRFReadsThem() async throws {
            try await server.reset()
            let client = try await connect()
            let task = try await client.tasks.create(
                TaskWriteRequest(name: "lists", labels: [PatchedLabelRequest(name: "car")])
            )
            let file = UploadFile(data: Data("jpeg".utf8), fileName: "a.jpg")
            for (style, expected) in [(FormEncoding.ArrayStyle.repeated, 0), (.indexed, 1)] {
                let endpoint = Endpoint(
                    id: "tasks_create_data",
                    method: .post,
                    path: "/api/tasks/\(task.id)/data/",
                    requestContentTypes: ["multipart/form-data"],
                    formEncoding: FormEncoding(arrayStyle: style),
                    responses: [
                        .init("202", contentType: "application/vnd.cvat+json", type: DataResponse.self, isPrimary: true)
                    ],
                    security: ApiClient.commonSecurity
                )
                let response: ApiResponse<DataResponse> = try await client.api.session.send(
                    endpoint,
                    [],
                    body: DataRequest(imageQuality: 70, clientFiles: [file]),
                    options: RequestOptions()
                )
                guard case .rqId(let request)? = response.data else {
                    Issue.record("no request id")
                    return
                }
                if expected == 0 {
                    // `client_files` repeated: DRF's nested list reads none of them.
                    await #expect(throws: CVATError.requestFailed(id: request.rqId, message: "No media data found")) {
                        try await client.waitForCompletion(request.rqId)
                    }
                } else {
                    try await client.waitForCompletion(request.rqId)
                    try await task.fetch()
                    #expect(task.size == expected)
                }
            }
        }

        @Test("a host without a scheme is probed: https first, then http")
        func probing() async throws {
            try await server.reset()
            let client = try await CVATClient.connect(host: "127.0.0.1", port: server.port)
            #expect(client.host.absoluteString == "http://127.0.0.1:\(server.port)")
            #expect(throws: CVATError.self) { _ = try CVATClient(url: "ftp://example.com") }

            // An https server whose certificate is not trusted is not a reason to try http.
            let untrusted = FailingTransport(
                failure: TransportFailure(.certificateRejected, "certificate verify failed")
            )
            await #expect {
                _ = try await CVATClient.connect(host: "cvat.example.com", transport: untrusted)
            } throws: { error in
                (error as? APIError)?.transportFailure?.kind == .certificateRejected
            }
            #expect(untrusted.schemes == ["https"], "neither retried nor tried in the clear")
            let closed = FailingTransport(failure: TransportFailure(.cannotConnect, "connection refused"))
            await #expect(throws: APIError.self) {
                _ = try await CVATClient.connect(host: "cvat.example.com", transport: closed)
            }
            #expect(closed.schemes == ["https", "https", "https", "https", "http", "http", "http", "http"], "retried")
        }
    }
}

/// A transport that fails every request the same way and remembers the schemes it was asked.
final class FailingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [String] = []
    let failure: TransportFailure

    init(failure: TransportFailure) {
        self.failure = failure
    }

    var schemes: [String] { lock.withLock { asked } }

    func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        lock.withLock { asked.append(request.url.scheme ?? "") }
        throw APIError.transport(failure)
    }

    func download(_ request: HTTPRequest, to destination: URL, timeout: Duration?) async throws -> HTTPResponse {
        try await send(request, timeout: timeout)
    }
}

final class RecordingProgress: ProgressReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func start(total: Int64?, description: String, unit: ProgressUnit) {
        lock.withLock { recorded.append("start \(total ?? -1) \(description)") }
    }

    func advance(by amount: Int64) {
        lock.withLock { recorded.append("advance \(amount)") }
    }

    func finish() {
        lock.withLock { recorded.append("finish") }
    }

    var events: [String] { lock.withLock { recorded } }
}

final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var warnings: [String] = []

    func add(_ warning: String) { lock.withLock { warnings.append(warning) } }
    var all: [String] { lock.withLock { warnings } }
}
