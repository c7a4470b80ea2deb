import CVAT
import Foundation
import SpecforgeRuntime

extension CVATClient {
    /// Runs `function` on every frame of task `id` and uploads what it finds, as the seed's
    /// `annotate_task` does: the task's frames come through a `TaskDataset` (its cache), the
    /// function's labels are matched with the task's by name, each annotation is checked and
    /// given the task's ids, its frame and `source: auto`; then all of them are added to the
    /// task's annotations in one request (`PATCH ?action=create`) or, with `clearExisting`,
    /// replace them (`PUT`).
    ///
    /// - Parameters:
    ///   - allowUnmatchedLabels: Drop annotations of labels, sublabels and attributes the task
    ///     lacks, instead of failing with `BadFunctionError`.
    ///   - confThreshold: Passed to the function (0…1).
    ///   - convertMasksToPolygons: Passed to the function, which must then return no masks.
    ///   - progress: Told of each frame.
    public func annotateTask(
        _ id: Int,
        function: any DetectionFunction,
        clearExisting: Bool = false,
        allowUnmatchedLabels: Bool = false,
        confThreshold: Double? = nil,
        convertMasksToPolygons: Bool = false,
        progress: (any ProgressReporter)? = nil,
        log: @escaping (String) -> Void = { _ in }
    ) async throws {
        if let confThreshold, !(0...1).contains(confThreshold) {
            throw APIError.invalidInput("conf_threshold must be None or a number between 0 and 1")
        }
        let dataset = try await TaskDataset.load(self, taskId: id, loadAnnotations: false)
        let mapping = try LabelMapping(
            function: function.spec.labels,
            task: dataset.labels,
            allowUnmatchedLabels: allowUnmatchedLabels,
            convertMasksToPolygons: convertMasksToPolygons,
            log: log
        )
        var tags: [LabeledImageRequest] = []
        var shapes: [LabeledShapeRequest] = []
        progress?.start(total: Int64(dataset.samples.count), description: "Annotating", unit: .items)
        for sample in dataset.samples {
            let context = DetectionContext(
                frameIndex: sample.frameIndex,
                frameName: sample.frameName,
                confThreshold: confThreshold,
                convertMasksToPolygons: convertMasksToPolygons
            )
            let found = try await function.detect(context: context, image: try await sample.image())
            let remapped = try mapping.remap(found, frame: sample.frameIndex)
            tags += remapped.tags
            shapes += remapped.shapes
            progress?.advance(by: 1)
        }
        progress?.finish()
        log("Uploading annotations to task \(id)...")
        if clearExisting {
            _ = try await api.tasksApi.updateAnnotations(
                id: id,
                labeledDataRequest: LabeledDataRequest(tags: tags, shapes: shapes)
            )
        } else {
            _ = try await api.tasksApi.partialUpdateAnnotations(
                id: id,
                action: .create,
                patchedLabeledDataRequest: PatchedLabeledDataRequest(tags: tags, shapes: shapes)
            )
        }
        log("Upload complete")
    }
}
