// The seed's high-level example in Swift, as the README shows it (Tests/Integration/check-readme.sh
// checks that the README's lines are these); `seedExample` in HighLevelTests runs it against the
// fake CVAT server.
import CVAT
import CVATKit
import Foundation

func createExampleTask(host: String, images: [String]) async throws {
    try await CVATClient.withClient(host: host, credentials: .password("admin", "secret")) { client in
        // The task's spec: a typed `TaskWriteRequest`, or the seed's plain JSON.
        let spec = try TaskWriteRequest(jsonObject: [
            "name": "example task",
            "labels": [
                [
                    "name": "car", "color": "#ff00ff",
                    "attributes": [
                        [
                            "name": "a", "mutable": true, "input_type": "number", "default_value": "5",
                            "values": ["4", "5", "6"],
                        ]
                    ],
                ]
            ],
        ])
        // Two local images as the task's data; returns once the server has processed them.
        let task = try await client.tasks.createFromData(spec: spec, resourceType: .local, resources: images)
        assert(task.size == 2)

        // Read the task again after it changed on the server.
        try await task.fetch()

        // Another task, by id; update it, then remove it (the local copy stays as it was).
        let task2 = try await client.tasks.retrieve(task.id)
        try await task2.update(json: ["name": "my task"])
        try await task2.remove()
    }
}
