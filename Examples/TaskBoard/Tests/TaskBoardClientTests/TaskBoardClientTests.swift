import Foundation
import SpecforgeRuntime
import TaskBoardClient
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The client the build-tool plugin generated, calling a loopback server that checks every byte.
final class TaskBoardClientTests: XCTestCase {
    private var client: ApiClient { .taskBoard(host: BoardServer.shared.url, token: "t0ken") }

    override func tearDown() async throws {
        let (data, _) = try await URLSession.shared.data(from: BoardServer.shared.url.appending(path: "__failures"))
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: data), [], "the server rejected requests")
    }

    /// Every task of every page, following `next` links.
    func testPaginationWalksEveryPage() async throws {
        var titles: [String] = []
        for try await task in client.tasksApi.listAllItems(boardId: 7, pageSize: 2) {
            titles.append(task.title)
        }
        XCTAssertEqual(titles, ["Plan", "Build", "Ship"])
    }

    /// The other ways lists are paged: `Link` headers, a cursor in the body, an offset.
    func testLinkHeaderCursorAndOffsetPagination() async throws {
        let events = try await client.eventsApi.listAllItems(boardId: 7, perPage: 2).collect()
        XCTAssertEqual(events.map(\.id), [1, 2, 3])
        let comments = try await client.commentsApi.listAllItems(boardId: 7, limit: 2).collect()
        XCTAssertEqual(comments.map(\.text), ["a", "b", "c"])
        let members = try await client.membersApi.listAllItems(boardId: 7, limit: 2).collect()
        XCTAssertEqual(members, ["ann", "bob", "cy"])
    }

    /// A response declared as JSON and as `text/event-stream`: the method decodes the JSON, its
    /// `…Stream` twin asks for the stream and reads the events.
    func testJSONOrEventStream() async throws {
        let recent = try await client.activityApi.retrieve(boardId: 7).body()
        XCTAssertEqual(recent.map(\.kind), ["created"])
        var events: [String] = []
        for try await event in try await client.activityApi.retrieveStream(boardId: 7).body() {
            events.append("\(event.event ?? "message") \(event.data)")
        }
        XCTAssertEqual(events, [#"created {"id": 1}"#, #"moved {"id": 2}"#])
    }

    /// A JSON body in schema order; the response's `null` kept as `null`.
    func testCreateSendsAJSONBody() async throws {
        let due = try XCTUnwrap(DateTime("2026-12-24T09:00:00.5Z"))
        let response = try await client.tasksApi.create(
            boardId: 7,
            taskRequest: TaskRequest(title: "Write docs", status: .todo, due: due)
        )
        XCTAssertEqual(response.status, 201)
        let task = try response.body()
        XCTAssertEqual(task.id, 4)
        XCTAssertEqual(task.due, due)
        XCTAssertNil(task.assignee)
    }

    /// The error bodies an operation declares come back typed, without naming their types.
    func testDeclaredErrorBodiesAreTyped() async throws {
        do {
            _ = try await client.tasksApi.partialUpdate(id: 99, patchedTaskRequest: PatchedTaskRequest(title: "x"))
            XCTFail("a 404 did not throw")
        } catch let error as APIError {
            guard case .status404(let problem)? = TasksApi.PartialUpdateError(error) else {
                return XCTFail("not a typed 404: \(error)")
            }
            XCTAssertEqual(problem.detail, "Not found.")
        }
        do {
            _ = try await client.tasksApi.partialUpdate(id: 5, patchedTaskRequest: PatchedTaskRequest(title: ""))
            XCTFail("a 422 did not throw")
        } catch let error as APIError {
            guard case .status422(let fields)? = TasksApi.PartialUpdateError(error) else {
                return XCTFail("not a typed 422: \(error)")
            }
            XCTAssertEqual(fields["title"], ["This field may not be blank."])
            XCTAssertEqual(error.statusCode, 422)
        }
    }

    /// `.null` sends an explicit null: the task is unassigned.
    func testPatchSendsNull() async throws {
        let task = try await client.tasksApi.partialUpdate(
            id: 3,
            patchedTaskRequest: PatchedTaskRequest(assignee: .null)
        )
        .body()
        XCTAssertEqual(task.status, .done)
    }

    /// Files and a list of tags as multipart parts, under indexed names (`forms` in
    /// specforge.yaml), each file typed from its name.
    func testUploadSendsMultipartParts() async throws {
        let attachments = try await client.attachmentsApi.create(
            id: 3,
            attachmentRequest: AttachmentRequest(
                files: [
                    UploadFile(data: Data("remember the milk".utf8), fileName: "notes.txt"),
                    UploadFile(data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]), fileName: "photo.png"),
                ],
                tags: ["urgent", "home"]
            )
        ).body()
        XCTAssertEqual(attachments.map(\.name), ["files[0]", "files[1]"])
        XCTAssertEqual(attachments.map(\.contentType), ["text/plain", "image/png"])
    }
}

/// Runs board_server.py on 127.0.0.1 for as long as the test process lives.
final class BoardServer: Sendable {
    static let shared = BoardServer()

    let url: URL
    private let process = Process()
    private let input = Pipe()

    private init() {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "board_server.py")
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        process.standardInput = input
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            fatalError("cannot start board_server.py: \(error)")
        }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { fatalError("board_server.py exited") }
            line += chunk
        }
        let port = String(decoding: line, as: UTF8.self).split(separator: " ")[1].prefix { $0.isNumber }
        url = URL(string: "http://127.0.0.1:\(port)")!
    }
}
