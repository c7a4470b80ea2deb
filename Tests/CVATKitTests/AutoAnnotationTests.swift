import CVAT
import CVATKit
import Foundation
import SpecforgeRuntime
import TestSupport
import Testing

/// The auto-annotation layer: the mask encoding against cvat-sdk's own, the spec's checks, and
/// `annotateTask` against the fake server with a function written in Swift.
@Suite("Auto-annotation: masks and specs")
struct AutoAnnotationUnitTests {
    @Test("Mask.encoded matches cvat-sdk's encode_mask on random bitmaps, and decodes back")
    func masksAsCvatSdk() throws {
        var generator = SystemRandomNumberGenerator()
        var cases: [[String: Any]] = []
        var masks: [(Mask, [Double]?)] = []
        for index in 0..<40 {
            let (width, height) = (Int.random(in: 1...9, using: &generator), Int.random(in: 1...7, using: &generator))
            let density = [0.0, 0.2, 0.5, 0.9, 1.0][index % 5]
            let pixels = (0..<(width * height)).map { _ in Double.random(in: 0..<1, using: &generator) < density }
            let box: [Double]? = index % 3 == 0 ? [0, 0, Double(width), Double(height)] : nil
            cases.append([
                "width": width, "height": height, "pixels": pixels.map { $0 ? 1 : 0 }, "bbox": box ?? NSNull(),
            ])
            masks.append((Mask(width: width, height: height, pixels: pixels), box))
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("masks-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: cases).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let (status, output) = try runProgram(
            FakeCVATServerSuites.HighLevelDifferentialTests.python,
            [
                FakeCVATServerSuites.HighLevelDifferentialTests.folder.deletingLastPathComponent()
                    .appendingPathComponent("CLI/encode_masks.py").path,
                input.path,
            ]
        )
        #expect(status == 0, "\(output)")
        let theirs = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[Double]]
        for (index, (mask, box)) in masks.enumerated() {
            let ours = try mask.encoded(box: box)
            #expect(ours == theirs?[index], "case \(index)")
            #expect(
                try Mask.decoded(ours, width: mask.width, height: mask.height) == mask,
                "case \(index) decodes back"
            )
        }
        #expect(throws: Mask.EncodingError.self) { try Mask.decoded([1, 0, 0, 0], width: 2, height: 2) }
    }

    @Test("a spec's labels, sublabels and attributes need distinct ids and sound values")
    func specChecks() throws {
        #expect(throws: BadFunctionError("label 'car' has no ID")) {
            try DetectionFunctionSpec(labels: [PatchedLabelRequest(name: "car")])
        }
        #expect(throws: BadFunctionError("label dog has same ID as another label (0)")) {
            try DetectionFunctionSpec(labels: [
                AutoAnnotation.labelSpec("car", id: 0), AutoAnnotation.labelSpec("dog", id: 0),
            ])
        }
        #expect(throws: BadFunctionError("label 'car' with sublabels has type 'any' (should be 'skeleton')")) {
            try DetectionFunctionSpec(labels: [
                PatchedLabelRequest(id: 0, name: "car", sublabels: [AutoAnnotation.keypointSpec("wheel", id: 0)])
            ])
        }
        #expect(
            throws: BadFunctionError(
                "attribute 'age' of label 'car' has invalid values: wrong number of values: expected 3, got 2"
            )
        ) {
            try DetectionFunctionSpec(labels: [
                AutoAnnotation.labelSpec(
                    "car",
                    id: 0,
                    attributes: [AutoAnnotation.attributeSpec("age", id: 0, inputType: .number, values: ["1", "2"])]
                )
            ])
        }
        let spec = try DetectionFunctionSpec(labels: [
            AutoAnnotation.skeletonLabelSpec(
                "person",
                id: 3,
                sublabels: [AutoAnnotation.keypointSpec("head", id: 0), AutoAnnotation.keypointSpec("foot", id: 1)]
            )
        ])
        #expect(spec.labels.first?.sublabels?.map(\.name) == ["head", "foot"])
    }
}

/// A function written in Swift: what it returns for each frame is set by the test.
struct ScriptedFunction: DetectionFunction {
    let spec: DetectionFunctionSpec
    let answer: @Sendable (DetectionContext, FrameImage) -> [DetectionAnnotation]

    func detect(context: DetectionContext, image: FrameImage) async throws -> [DetectionAnnotation] {
        answer(context, image)
    }
}

extension FakeCVATServerSuites {
    @Suite("Auto-annotation: annotateTask")
    struct AnnotateTaskTests {
        let server = DRFServer.shared

        func taskWithLabels(_ scratch: Scratch) async throws -> (CVATClient, TaskEntity) {
            try await server.reset()
            try await server.control(["polls_before_finish": 0])
            let client = try await CVATClient.connect(
                host: server.url.absoluteString,
                credentials: .password("admin", "secret"),
                config: CVATConfig(cacheFolder: scratch.folder.appendingPathComponent("cache"))
            )
            let task = try await client.tasks.createFromData(
                spec: TaskWriteRequest(
                    name: "auto",
                    labels: [
                        PatchedLabelRequest(
                            name: "car",
                            attributes: [
                                AttributeRequest(
                                    name: "doors",
                                    mutable: false,
                                    inputType: .number,
                                    values: ["2", "5", "1"]
                                )
                            ]
                        ),
                        PatchedLabelRequest(name: "sky", type: .tag),
                        PatchedLabelRequest(
                            name: "person",
                            type: .skeleton,
                            sublabels: [
                                SublabelRequest(name: "head", type: .points),
                                SublabelRequest(name: "foot", type: .points),
                            ]
                        ),
                    ]
                ),
                resources: try ["a.jpg", "b.jpg"].map { try scratch.file($0, size: 100) }
            )
            return (client, task)
        }

        static let spec = try! DetectionFunctionSpec(labels: [
            AutoAnnotation.labelSpec(
                "car",
                id: 10,
                attributes: [AutoAnnotation.numberAttributeSpec("doors", id: 1, minimum: 2, maximum: 5)]
            ),
            AutoAnnotation.labelSpec("sky", id: 11),
            AutoAnnotation.skeletonLabelSpec(
                "person",
                id: 12,
                sublabels: [AutoAnnotation.keypointSpec("foot", id: 0), AutoAnnotation.keypointSpec("head", id: 1)]
            ),
        ])

        @Test("labels, sublabels and attributes are matched by name; ids, frames and sources are the task's")
        func matchesByName() async throws {
            let scratch = try Scratch()
            let (client, task) = try await taskWithLabels(scratch)
            let function = ScriptedFunction(spec: Self.spec) { context, image in
                [
                    AutoAnnotation.rectangle(
                        10,
                        points: [0, 0, Double(image.width), Double(image.height)],
                        attributes: [AttributeValRequest(specId: 1, value: "4")]
                    ),
                    AutoAnnotation.tag(11),
                    AutoAnnotation.skeleton(
                        12,
                        elements: [
                            AutoAnnotation.keypoint(1, points: [1, 1]), AutoAnnotation.keypoint(0, points: [2, 9]),
                        ]
                    ),
                ].filter { _ in context.frameName == "a.jpg" || context.frameIndex == 1 }
            }
            try await client.annotateTask(task.id, function: function)
            let labels = try await task.labels()
            let annotations = try await task.annotations()
            let shapes = annotations.shapes ?? []
            #expect(shapes.count == 4 && annotations.tags?.count == 2)
            let car = try #require(shapes.first { $0.type == .rectangle })
            #expect(car.labelId == labels[0].id && car.source == "auto" && car.points == [0, 0, 64, 48])
            #expect(
                car.attributes?.first?.specId == labels[0].attributes?.first?.id && car.attributes?.first?.value == "4"
            )
            #expect(Set(shapes.map(\.frame)) == [0, 1])
            #expect(annotations.tags?.first?.labelId == labels[1].id)
            let skeleton = try #require(shapes.first { $0.type == .skeleton })
            let sublabels = labels[2].sublabels ?? []
            #expect(
                skeleton.elements?.map(\.labelId) == [sublabels[0].id, sublabels[1].id].compactMap { $0 },
                "head, then foot"
            )

            try await client.annotateTask(task.id, function: function, clearExisting: true)
            #expect(try await task.annotations().shapes?.count == 4, "replaced, not added")
        }

        @Test("a function that breaks the rules gets the seed's BadFunctionError, and nothing is uploaded")
        func badFunctions() async throws {
            let scratch = try Scratch()
            let (client, task) = try await taskWithLabels(scratch)
            let cases: [(String, [DetectionAnnotation])] = [
                (
                    "function output shape with unexpected frame number (3)",
                    [
                        .shape(LabeledShapeRequest(type: .rectangle, points: [0, 0, 1, 1], labelId: 10, frame: 3))
                    ]
                ),
                (
                    "function output shape with preset id",
                    [
                        .shape(
                            LabeledShapeRequest(type: .rectangle, points: [0, 0, 1, 1], id: 5, labelId: 10, frame: 0)
                        )
                    ]
                ),
                (
                    "function output shape with unknown label ID (99)",
                    [AutoAnnotation.rectangle(99, points: [0, 0, 1, 1])]
                ),
                (
                    "function output shape of type 'rectangle' (expected 'tag')",
                    [AutoAnnotation.rectangle(11, points: [0, 0, 1, 1])]
                ),
                (
                    "function output attribute value ('9') that is unsuitable for its attribute (1)",
                    [
                        AutoAnnotation.rectangle(
                            10,
                            points: [0, 0, 1, 1],
                            attributes: [AttributeValRequest(specId: 1, value: "9")]
                        )
                    ]
                ),
                (
                    "function output skeleton with fewer elements than expected (1 vs 2)",
                    [
                        AutoAnnotation.skeleton(12, elements: [AutoAnnotation.keypoint(0, points: [1, 1])])
                    ]
                ),
            ]
            for (message, output) in cases {
                let function = ScriptedFunction(spec: Self.spec) { _, _ in output }
                await #expect(throws: BadFunctionError(message)) {
                    try await client.annotateTask(task.id, function: function)
                }
            }
            let unmatched = ScriptedFunction(
                spec: try DetectionFunctionSpec(labels: [
                    AutoAnnotation.labelSpec("bicycle", id: 0), AutoAnnotation.labelSpec("car", id: 1),
                ])
            ) { _, _ in
                [
                    AutoAnnotation.rectangle(0, points: [0, 0, 1, 1]),
                    AutoAnnotation.rectangle(1, points: [0, 0, 2, 2]),
                ]
            }
            await #expect(throws: BadFunctionError("label 'bicycle' is not in dataset")) {
                try await client.annotateTask(task.id, function: unmatched)
            }
            #expect(try await task.annotations().shapes?.isEmpty ?? true, "nothing uploaded")
            try await client.annotateTask(task.id, function: unmatched, allowUnmatchedLabels: true)
            #expect(
                try await task.annotations().shapes?.map(\.points) == [[0, 0, 2, 2], [0, 0, 2, 2]],
                "bicycles dropped"
            )
        }
    }
}
