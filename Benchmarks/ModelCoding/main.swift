// Run time of the generated CVAT models against the same models with synthesized conformances:
// decoding, encoding, comparing and hashing a page of tasks. Built and run by `make bench`
// (Benchmarks/bench.py), which prints what this prints.

import CVAT
import Foundation
import SpecforgeRuntime

let taskCount = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 2000
let rounds = 11

func user(_ id: Int) -> BasicUser {
    BasicUser(url: "http://localhost/api/users/\(id)", id: id, username: "user\(id)", firstName: "A", lastName: "B")
}

func task(_ id: Int) -> TaskRead {
    // A fraction that binary floating point holds exactly, so the decoded date is equal to this one.
    let date = Date(timeIntervalSince1970: 1_700_000_000.125)
    return TaskRead(
        url: "http://localhost/api/tasks/\(id)",
        id: id,
        name: "task \(id)",
        projectId: id % 7,
        projectName: "project",
        owner: user(id),
        // `nil` leaves the key out; a `BasicUser?` holding nil would send `null` (a `BasicUser??`).
        assignee: id % 2 == 0 ? .some(user(id + 1)) : nil,
        bugTracker: "",
        createdDate: date,
        updatedDate: date,
        overlap: 0,
        segmentSize: 100,
        status: .annotation,
        dataChunkSize: 36,
        dataOriginalChunkType: .imageset,
        dataCompressedChunkType: .imageset,
        size: 500,
        imageQuality: 70,
        data: id,
        dimension: "2d",
        mode: "annotation",
        mediaType: "image",
        subset: "train",
        targetStorage: Storage(id: 1, location: .local),
        sourceStorage: Storage(id: 2, location: .local),
        jobs: JobsSummary(count: 5, completed: 1, validation: 0, url: "http://localhost/api/jobs?task_id=\(id)"),
        labels: LabelsSummary(url: "http://localhost/api/labels?task_id=\(id)"),
        assigneeUpdatedDate: date,
        consensusEnabled: false
    )
}

/// The median of `rounds` runs of `body`, in milliseconds.
func median(_ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return samples.sorted()[rounds / 2]
}

let page = PaginatedTaskReadList(count: taskCount, results: (0..<taskCount).map(task))
let json = try JSONCoding.encoder().encode(page)
let generated = try JSONCoding.decoder().decode(PaginatedTaskReadList.self, from: json)
let synthesized = try JSONCoding.decoder().decode(SynthesizedPage.self, from: json)
let synthesizedCopy = try JSONCoding.decoder().decode(SynthesizedPage.self, from: json)
precondition(generated == page && synthesized == synthesizedCopy)
let synthesizedJSON = try JSONCoding.encoder().encode(synthesized)
precondition(synthesizedJSON.count == json.count, "both encode the same JSON")

var sink = 0
let rows: [(String, Double, Double)] = [
    (
        "decode",
        try median { sink &+= try JSONCoding.decoder().decode(PaginatedTaskReadList.self, from: json).count },
        try median { sink &+= try JSONCoding.decoder().decode(SynthesizedPage.self, from: json).count }
    ),
    (
        "encode",
        try median { sink &+= try JSONCoding.encoder().encode(generated).count },
        try median { sink &+= try JSONCoding.encoder().encode(synthesized).count }
    ),
    ("==", median { sink &+= generated == page ? 1 : 0 }, median { sink &+= synthesized == synthesizedCopy ? 1 : 0 }),
    ("hashValue", median { sink &+= generated.hashValue }, median { sink &+= synthesized.hashValue }),
]
print("| \(taskCount) tasks (\(json.count / 1000) KB of JSON) | generated (`APIObject`) | synthesized | ratio |")
print("|---|---|---|---|")
func format(_ value: Double) -> String { String(format: "%.1f", value) }
for (operation, ours, baseline) in rows {
    print("| \(operation) | \(format(ours)) ms | \(format(baseline)) ms | \(format(ours / baseline))× |")
}
if sink == 42 { print("") }  // keeps the results alive
