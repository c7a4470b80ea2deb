import Foundation
import TestSupport
import Testing

/// `cvat`, the command-line tool, run as a subprocess against the fake CVAT server on Django
/// REST framework: what it prints, its exit status, and the requests it makes.
extension FakeCVATServerSuites {
    @Suite("cvat, the command-line tool")
    struct CLITests {
        let server = DRFServer.shared

        var serverOptions: [String] { ["--server-host", "http://127.0.0.1", "--server-port", String(server.port)] }
        var login: [String] { serverOptions + ["--auth", "admin:secret"] }
        let labels = #"[{"name": "car", "attributes": []}]"#

        func cvat(_ arguments: [String], in scratch: Scratch, environment: [String: String?] = [:]) throws
            -> CLIProgram.Run
        {
            try CLIProgram.run(CLIProgram.cvat, arguments, in: scratch.folder, environment: environment)
        }

        @Test("task create, ls, ls --json and delete: ids on stdout, JSON a script can parse, the log on stderr")
        func taskLifecycle() async throws {
            try await server.reset()
            try await server.control(["polls_before_finish": 0])
            let scratch = try Scratch()
            let files = try [scratch.file("a.jpg", size: 300), scratch.file("b.jpg", size: 500)]
            let created = try cvat(
                login + ["task", "create", "new task", "--labels", labels, "--image_quality", "80", "local"] + files,
                in: scratch
            )
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.stdout == "1\n")
            let upload = try await server.log().filter { $0.path == "/api/tasks/1/data/" }
            #expect(upload.map(\.method) == ["POST", "POST", "POST"], "Upload-Start, one bulk request, Upload-Finish")

            let listed = try cvat(login + ["task", "ls", "--debug"], in: scratch)
            #expect(listed.stdout == "1\n")
            #expect(
                listed.stderr.contains("DEBUG: GET /api/tasks → 200 in "),
                "--debug shows each request: \(listed.stderr)"
            )
            #expect(!listed.stderr.contains("secret"), "never a credential")
            let json = try cvat(["task", "ls", "--json"] + login, in: scratch)
            let objects = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
            #expect(objects?.map { $0["name"] as? String } == ["new task"])
            #expect(objects?.first?["size"] as? Int == 2)

            let deleted = try cvat(login + ["task", "delete", "1", "7"], in: scratch)
            #expect(deleted.status == 0)
            #expect(deleted.stderr.contains("INFO: Task #1 deleted"))
            #expect(deleted.stderr.contains("INFO: Task #7 not found"))
            #expect(try cvat(login + ["task", "ls"], in: scratch).stdout == "")
        }

        @Test("a server error is exit status 1 and one line with the server's message; a bad command line is 2")
        func errors() async throws {
            try await server.reset()
            let scratch = try Scratch()
            let file = try scratch.file("a.jpg", size: 10)
            let refused = try cvat(login + ["task", "create", "t", "--project_id", "999", "local", file], in: scratch)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("CRITICAL: Status Code: 400"))
            #expect(refused.stderr.contains("Invalid project"), "the server's message: \(refused.stderr)")
            #expect(!refused.stderr.contains("Fatal error") && !refused.stderr.contains("Stack"))

            let wrongPassword = try cvat(serverOptions + ["--auth", "admin:wrong", "task", "ls"], in: scratch)
            #expect(wrongPassword.status == 1)
            #expect(wrongPassword.stderr.contains("CRITICAL:"))

            let usage = try cvat(["task", "create", "t", "nowhere", "x"], in: scratch)
            #expect(usage.status == 2)
            #expect(usage.stderr.contains("nowhere"))
            let version = try cvat(["--version"], in: scratch)
            #expect(version.stdout == "2.71.0\n" && version.status == 0)
        }

        @Test("the password: from --auth, from PASS, or typed at a prompt that does not echo it")
        func passwords() async throws {
            try await server.reset()
            let scratch = try Scratch()
            let fromEnvironment = try cvat(
                serverOptions + ["--auth", "admin", "task", "ls"],
                in: scratch,
                environment: ["PASS": "secret"]
            )
            #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")

            let typed = try runProgram(
                "/usr/bin/env",
                [
                    "python3",
                    HighLevelDifferentialTests.folder.deletingLastPathComponent()
                        .appendingPathComponent("CLI/with_tty.py").path,
                    "secret", CLIProgram.cvat,
                ] + serverOptions + ["--auth", "admin", "task", "ls"]
            )
            #expect(typed.status == 0, "\(typed.output)")
            #expect(typed.output.contains("Password for admin at http://127.0.0.1:\(server.port): "))
            #expect(!typed.output.contains("secret"), "the password is not echoed")
            let logins = try await server.log().filter { $0.path == "/api/auth/login" }
            #expect(logins.count == 2 && logins.allSatisfy { $0.status == 200 })

            let token = try cvat(
                serverOptions + ["task", "ls"],
                in: scratch,
                environment: ["CVAT_ACCESS_TOKEN": "wrong"]
            )
            #expect(token.status == 1, "a personal access token from CVAT_ACCESS_TOKEN, sent as Bearer")
            let bearer = try await server.log().last { $0.path == "/api/server/about" || $0.path == "/api/tasks" }
            #expect(bearer?.headers["HTTP_AUTHORIZATION"] == "Bearer wrong")
        }

        @Test("task auto-annotate runs the example function as a process: thresholds, clearing, unmatched labels")
        func autoAnnotate() async throws {
            try await server.reset()
            try await server.control(["polls_before_finish": 0])
            let scratch = try Scratch()
            let files = try [scratch.file("a.jpg", size: 300), scratch.file("b.jpg", size: 500)]
            let created = try cvat(login + ["task", "create", "t", "--labels", labels, "local"] + files, in: scratch)
            try #require(created.status == 0 && created.stdout == "1\n", "\(created.stdout) \(created.stderr)")
            let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Examples/AutoAnnotation/detect.py").path
            let function = ["--function-command", "python3 '\(example)'"]
            let cache = ["XDG_CACHE_HOME": scratch.folder.appendingPathComponent("cache").path]

            func shapes() async throws -> [[String: Any]] {
                let tasks = try await server.state()["tasks"] as? [String: [String: Any]]
                return (tasks?["1"]?["labeled"] as? [String: Any])?["shapes"] as? [[String: Any]] ?? []
            }

            let first = try cvat(login + ["task", "auto-annotate", "1"] + function, in: scratch, environment: cache)
            #expect(first.status == 0, "\(first.stderr)")
            var found = try await shapes()
            #expect(found.count == 2, "one confident car per frame")
            #expect(found.allSatisfy { $0["source"] as? String == "auto" && $0["label_id"] as? Int == 1 })
            #expect(found.first?["points"] as? [Double] == [16, 12, 48, 36], "the middle of a 64×48 frame")

            let lower = try cvat(
                login + ["task", "auto-annotate", "1", "--conf-threshold", "0.3"] + function,
                in: scratch,
                environment: cache
            )
            #expect(lower.status == 0, "\(lower.stderr)")
            #expect(try await shapes().count == 6, "two more per frame, added to the two before")
            let cleared = try cvat(
                login + ["task", "auto-annotate", "1", "--clear-existing", "-p", "as_polygon=bool:true"] + function,
                in: scratch,
                environment: cache
            )
            #expect(cleared.status == 0, "\(cleared.stderr)")
            found = try await shapes()
            #expect(found.count == 2 && found.allSatisfy { $0["type"] as? String == "polygon" }, "replaced")

            let extra = ["-p", "extra_label=str:bicycle"]
            let refused = try cvat(
                login + ["task", "auto-annotate", "1"] + function + extra,
                in: scratch,
                environment: cache
            )
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("CRITICAL: label 'bicycle' is not in dataset"), "\(refused.stderr)")
            let allowed = try cvat(
                login + ["task", "auto-annotate", "1", "--allow-unmatched-labels", "--clear-existing"] + function
                    + extra,
                in: scratch,
                environment: cache
            )
            #expect(allowed.status == 0, "\(allowed.stderr)")
            #expect(try await shapes().count == 2, "the bicycles were dropped")

            let badThreshold = try cvat(
                login + ["task", "auto-annotate", "1", "--conf-threshold", "2"] + function,
                in: scratch
            )
            #expect(badThreshold.status == 2 && badThreshold.stderr.contains("must be between 0 and 1"))
            let badParameter = try cvat(login + ["task", "auto-annotate", "1", "-p", "x"] + function, in: scratch)
            #expect(badParameter.status == 2 && badParameter.stderr.contains("parameter value not specified"))
        }

        @Test("a function that breaks the protocol stops the run with the seed's error and uploads nothing")
        func brokenFunctions() async throws {
            try await server.reset()
            try await server.control(["polls_before_finish": 0])
            let scratch = try Scratch()
            let created = try cvat(
                login + ["task", "create", "t", "--labels", labels, "local", try scratch.file("a.jpg", size: 10)],
                in: scratch
            )
            try #require(created.status == 0 && created.stdout == "1\n", "\(created.stdout) \(created.stderr)")
            let broken = HighLevelDifferentialTests.folder.deletingLastPathComponent()
                .appendingPathComponent("CLI/broken_function.py").path
            let expectations = [
                "not-json":
                    "function broke the protocol: expected a JSON object with \"tags\" or \"shapes\", got: detections: none",
                "exit": "function broke the protocol: it exited instead of answering with \"spec\"",
                "frame": "function output shape with unexpected frame number (5)",
                "label": "function output shape with unknown label ID (8)",
            ]
            for (mode, message) in expectations.sorted(by: { $0.key < $1.key }) {
                let run = try cvat(
                    login + ["task", "auto-annotate", "1", "--function-command", "python3 '\(broken)' \(mode)"],
                    in: scratch,
                    environment: ["XDG_CACHE_HOME": scratch.folder.appendingPathComponent("cache").path]
                )
                #expect(run.status == 1, "\(mode)")
                if !run.stderr.contains("CRITICAL: \(message)") {
                    let log = try await server.log().map { "\($0.method) \($0.path)?\($0.query) \($0.status ?? 0)" }
                    Issue.record("\(mode): \(run.stderr)\nlog: \(log.joined(separator: "\n"))")
                }
            }
            let log = try await server.log()
            #expect(!log.contains { $0.path.hasSuffix("/annotations") && $0.method != "GET" }, "nothing uploaded")
        }

        @Test("the README's session, line by line, as a newcomer types it")
        func readmeSession() async throws {
            try await server.reset()
            try await server.control(["polls_before_finish": 0])
            let scratch = try Scratch()
            // The README names localhost:8080; the fake server listens wherever it could.
            let forwarder = try LoopbackProcess(
                executable: "/usr/bin/env",
                arguments: [
                    "python3",
                    HighLevelDifferentialTests.folder.deletingLastPathComponent()
                        .appendingPathComponent("CLI/forward.py").path, "8080", String(server.port),
                ]
            )
            #expect(forwarder.announced == ["8080"])
            let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            try FileManager.default.createSymbolicLink(
                at: scratch.folder.appendingPathComponent("Examples"),
                withDestinationURL: repository.appendingPathComponent("Examples")
            )
            _ = try ["image1.jpg", "image2.jpg"].map { try scratch.file($0, size: 200) }
            let session = HighLevelDifferentialTests.folder.deletingLastPathComponent()
                .appendingPathComponent("CLI/readme-session.sh").path
            let path = URL(fileURLWithPath: CLIProgram.cvat).deletingLastPathComponent().path
            let run = try CLIProgram.run(
                "/bin/sh",
                ["-ec", "export PATH=\"\(path):$PATH\"; . '\(session)'"],
                in: scratch.folder,
                environment: ["XDG_CACHE_HOME": scratch.folder.appendingPathComponent("cache").path]
            )
            #expect(run.status == 0, "\(run.stderr)")
            let objects = try JSONSerialization.jsonObject(with: Data(run.stdout.drop { $0 != "[" }.utf8)) as? [Any]
            #expect(objects?.count == 1, "task ls --json printed the task: \(run.stdout)")
            for file in [
                "frames/task_1_frame_000000.jpg", "frames/task_1_frame_000001.jpg", "dataset.zip", "backup.zip",
            ] {
                #expect(
                    FileManager.default.fileExists(atPath: scratch.folder.appendingPathComponent(file).path),
                    "\(file)"
                )
            }
            let log = try await server.log()
            #expect(
                log.contains { $0.path.hasPrefix("/api/tasks/1/annotations") && $0.method == "PATCH" },
                "auto-annotated"
            )
            #expect(log.last?.method == "DELETE" && log.last?.path == "/api/tasks/1")
        }

        @Test("config default-server is saved where cvat-cli keeps it and used without --server-host")
        func defaultServer() async throws {
            try await server.reset()
            let scratch = try Scratch()
            #expect(try cvat(["config", "default-server"], in: scratch).stdout == "(no default server set)\n")
            let url = "http://127.0.0.1:\(server.port)"
            #expect(
                try cvat(["config", "default-server", url], in: scratch).stdout == "Default server is now '\(url)'.\n"
            )
            let file = scratch.folder.appendingPathComponent(".config/cvat-sdk/auth.json")
            let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
            #expect(saved?["default_server"] as? String == url)
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let listed = try cvat(["--auth", "admin:secret", "task", "ls"], in: scratch)
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(
                try cvat(["config", "default-server", "--unset"], in: scratch).stdout == "Default server cleared.\n"
            )
            let both = try cvat(["config", "default-server", url, "--unset"], in: scratch)
            #expect(both.status == 1 && both.stderr.contains("Cannot combine a server value with --unset."))

            // A saved default profile (cvat-cli's `profile` commands write them): its server and
            // token, when neither a server nor credentials are given.
            let profiles: [String: Any] = [
                "version": 1, "default_profile": "work", "profiles": ["work": ["server": url, "token": "saved-token"]],
            ]
            try JSONSerialization.data(withJSONObject: profiles).write(to: file)
            _ = try cvat(["task", "ls"], in: scratch)
            let withProfile = try await server.log().last { $0.path == "/api/server/about" }
            #expect(withProfile?.headers["HTTP_AUTHORIZATION"] == "Bearer saved-token")
            let exclusive = try cvat(["--profile", "work", "--auth", "admin:secret", "task", "ls"], in: scratch)
            #expect(exclusive.status == 1 && exclusive.stderr.contains("--profile is mutually exclusive"))
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
            let exposed = try cvat(["task", "ls"], in: scratch)
            #expect(exposed.status == 1 && exposed.stderr.contains("has permissions 0o644; expected 0o600"))
        }

        @Test("frames, export, import, backup and restore; a deprecated alias warns; --org sets the organization")
        func fileCommands() async throws {
            try await server.reset()
            try await server.control(["polls_before_finish": 0])
            let scratch = try Scratch()
            let files = try [scratch.file("a.jpg", size: 300), scratch.file("b.jpg", size: 500)]
            _ = try cvat(login + ["task", "create", "t", "--labels", labels, "local"] + files, in: scratch)

            let frames = try cvat(login + ["task", "frames", "1", "0", "1", "--outdir", "out"], in: scratch)
            #expect(frames.status == 0, "\(frames.stderr)")
            let written = try FileManager.default.contentsOfDirectory(
                atPath: scratch.folder.appendingPathComponent("out").path
            )
            #expect(written.sorted() == ["task_1_frame_000000.jpg", "task_1_frame_000001.jpg"])

            let exported = try cvat(
                login + ["task", "export-dataset", "1", "exports/", "--with-images", "yes"],
                in: scratch
            )
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(
                FileManager.default.fileExists(
                    atPath: scratch.folder.appendingPathComponent("exports/task_1_dataset.zip").path
                ),
                "a folder gets the server's file name"
            )
            let exportRequest = try await server.log().first { $0.path == "/api/tasks/1/dataset/export" }
            #expect(exportRequest?.query.contains("save_images=true") == true)
            #expect(exportRequest?.query.contains("location=local") == true)
            let again = try cvat(
                login + ["task", "export-dataset", "1", "exports/", "--with-images", "yes"],
                in: scratch
            )
            #expect(again.status == 1 && again.stderr.contains("exists already"), "never overwritten")

            let annotations = try scratch.file("annotations.xml", size: 700)
            let imported = try cvat(
                login + ["task", "import-dataset", "1", annotations, "--format", "CVAT 1.1"],
                in: scratch
            )
            #expect(imported.status == 0, "\(imported.stderr)")

            let backedUp = try cvat(login + ["export", "1", "backup.zip"], in: scratch)
            #expect(backedUp.status == 0, "\(backedUp.stderr)")
            #expect(backedUp.stderr.contains(#"WARNING: This command is deprecated. Use "task backup" instead."#))
            let restored = try cvat(login + ["task", "create-from-backup", "backup.zip"], in: scratch)
            let restoredId = restored.stdout.trimmingCharacters(in: .newlines)
            #expect(restored.status == 0 && Int(restoredId) != nil, "\(restored.stderr)")

            _ = try cvat(login + ["--org", "team", "project", "ls"], in: scratch)
            let inTeam = try await server.log().last { $0.path == "/api/projects" }
            #expect(inTeam?.headers["HTTP_X_ORGANIZATION"] == "team")
            let state = try await server.state()
            let tasks = state["tasks"] as? [String: [String: Any]]
            #expect((tasks?["1"]?["annotations"] as? [String: Any])?["format"] as? String == "CVAT 1.1")
            #expect(tasks?[restoredId]?["name"] as? String == "t", "the restored task")
        }
    }
}
