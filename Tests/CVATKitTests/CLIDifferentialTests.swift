import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The same command lines given to cvat-cli 2.71.0 and to `cvat`, against the same fake CVAT
/// server on Django REST framework: the request sequences must be equivalent and leave the
/// same server state (`Differential/compare.py`), and `ls --json` must print the same objects.
extension FakeCVATServerSuites {
    @Suite("cvat against cvat-cli")
    struct CLIDifferentialTests {
        let server = DRFServer.shared

        static let labels =
            ##"[{"name": "car", "color": "#ff00ff", "attributes": [{"name": "a", "mutable": true, "input_type": "number", "default_value": "5", "values": ["4", "5", "6"]}]}]"##

        /// Each scenario: command lines run one after another from a fresh server; `$LABELS`
        /// stands for the labels above.
        static let scenarios: [String: [[String]]] = [
            "task create local, ls": [
                [
                    "task", "create", "new task", "--labels", "$LABELS", "--image_quality", "80", "--chunk_size", "4",
                    "--sorting-method", "natural", "--segment_size", "1", "--bug_tracker", "http://bugs.example.com",
                    "local", "a.jpg", "b.jpg", "c.jpg",
                ],
                ["task", "ls"],
                ["task", "ls", "--json"],
            ],
            "task create remote and share": [
                [
                    "task", "create", "remote task", "--labels", "$LABELS", "--frame_step", "2", "--start_frame", "0",
                    "--stop_frame", "1", "remote", "https://example.com/a.jpg", "https://example.com/b.jpg",
                ],
                [
                    "task", "create", "share task", "--labels", "$LABELS", "--copy_data", "--use_cache",
                    "--use_zip_chunks", "--filename_pattern", "*.jpg", "share", "images/a.jpg", "images/b.jpg",
                ],
                ["task", "ls", "--json"],
            ],
            "task files": [
                [
                    "task", "create", "files", "--labels", "$LABELS", "--annotation_path", "annotations.xml",
                    "--annotation_format", "CVAT 1.1", "--completion_verification_period", "0.01", "local", "a.jpg",
                    "b.jpg",
                ],
                ["task", "frames", "1", "0", "1", "--outdir", "frames", "--quality", "compressed"],
                [
                    "task", "export-dataset", "1", "dataset.zip", "--format", "CVAT for images 1.1", "--with-images",
                    "true",
                ],
                ["task", "import-dataset", "1", "annotations.xml", "--format", "COCO 1.0"],
                ["task", "backup", "1", "backup.zip"],
                ["task", "create-from-backup", "backup.zip"],
                ["task", "delete", "1", "999"],
                ["task", "ls", "--json"],
            ],
            "projects": [
                [
                    "project", "create", "vehicles", "--labels", "$LABELS", "--bug", "http://bugs.example.com",
                    "--dataset_path", "annotations.xml", "--dataset_format", "COCO 1.0",
                ],
                ["project", "create", "empty"],
                ["project", "ls", "--json"],
                ["project", "export-dataset", "1", "project.zip", "--format", "COCO 1.0"],
                ["project", "backup", "1", "project-backup.zip"],
                ["project", "create-from-backup", "project-backup.zip"],
                ["project", "import-dataset", "1", "annotations.xml", "--format", "CVAT 1.1"],
                ["project", "delete", "2", "3"],
                ["project", "ls"],
            ],
            "deprecated aliases and organizations": [
                ["create", "legacy", "--labels", "$LABELS", "local", "a.jpg"],
                ["ls"],
                ["dump", "1", "legacy.zip"],
                ["upload", "1", "annotations.xml"],
                ["export", "1", "legacy-backup.zip"],
                ["import", "legacy-backup.zip"],
                ["frames", "1", "0"],
                ["delete", "1"],
                ["--org", "team", "task", "ls"],
                ["--org", "", "project", "ls", "--json"],
            ],
        ]

        @Test("the same requests, the same server state, the same JSON", arguments: scenarios.keys.sorted())
        func scenario(_ name: String) async throws {
            let scratch = try Scratch()
            var outputs: [String: [String]] = [:]
            var snapshots: [String: String] = [:]
            for (side, program) in [("theirs", CLIProgram.cvatCLI), ("ours", CLIProgram.cvat)] {
                let folder = scratch.folder.appendingPathComponent(side)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for (file, size) in [("a.jpg", 300), ("b.jpg", 500), ("c.jpg", 400), ("annotations.xml", 700)] {
                    try Data(contentsOf: URL(fileURLWithPath: scratch.file(file, size: size)))
                        .write(to: folder.appendingPathComponent(file))
                }
                try await server.reset()
                try await server.control(["polls_before_finish": 0])
                for line in Self.scenarios[name] ?? [] {
                    let arguments = line.map { $0 == "$LABELS" ? Self.labels : $0 }
                    let run = try CLIProgram.run(
                        program,
                        [
                            "--server-host", "http://127.0.0.1", "--server-port", String(server.port), "--auth",
                            "admin:secret",
                        ]
                            + arguments,
                        in: folder
                    )
                    #expect(run.status == 0, "\(side): \(line.joined(separator: " ")): \(run.stderr)")
                    outputs[side, default: []].append(run.stdout)
                }
                snapshots[side] = try await server.snapshot(into: scratch.folder, side)
            }
            let (same, report) = try runProgram(
                "/usr/bin/env",
                [
                    "python3", HighLevelDifferentialTests.folder.appendingPathComponent("compare.py").path,
                    snapshots["theirs"] ?? "", snapshots["ours"] ?? "",
                ]
            )
            #expect(same == 0, "\(name): \(report)")
            for (index, line) in (Self.scenarios[name] ?? []).enumerated() {
                let theirs = outputs["theirs"]?[index] ?? ""
                let ours = outputs["ours"]?[index] ?? ""
                if line.contains("--json") {
                    let parsedTheirs = try JSONSerialization.jsonObject(with: Data(theirs.utf8)) as? NSArray
                    let parsedOurs = try JSONSerialization.jsonObject(with: Data(ours.utf8)) as? NSArray
                    #expect(parsedTheirs != nil && parsedTheirs == parsedOurs, "\(line.joined(separator: " "))")
                } else {
                    #expect(theirs == ours, "\(line.joined(separator: " ")) prints the same")
                }
            }
        }

    }
}
