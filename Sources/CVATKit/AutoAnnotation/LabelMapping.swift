import CVAT
import Foundation
import SpecforgeRuntime

/// How a function's labels, sublabels and attributes correspond to the task's — matched by
/// name, as the seed's driver matches them — and the checks and rewriting of each annotation
/// the function returns: task ids instead of the function's, the frame number, `source: auto`.
struct LabelMapping {
    struct AttributeTarget {
        let id: Int
        let rule: AttributeValueRule
    }

    struct SublabelTarget {
        let id: Int
        /// Function attribute id → task attribute (`nil`: unmatched, its values dropped).
        let attributes: [Int: AttributeTarget?]
    }

    struct LabelTarget {
        let id: Int
        let attributes: [Int: AttributeTarget?]
        let sublabels: [Int: SublabelTarget?]
        let expectedElements: Int
        /// The shape type the task accepts (`any` accepts every type).
        let expectedType: String
    }

    /// Function label id → task label (`nil`: unmatched, its annotations dropped).
    let labels: [Int: LabelTarget?]
    let convertMasksToPolygons: Bool

    init(
        function: [PatchedLabelRequest],
        task: [Label],
        allowUnmatchedLabels: Bool,
        convertMasksToPolygons: Bool,
        log: (String) -> Void
    ) throws {
        self.convertMasksToPolygons = convertMasksToPolygons
        let taskLabels = Dictionary(task.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var labels: [Int: LabelTarget?] = [:]
        for label in function {
            let name = label.name ?? ""
            let description = "label '\(name)'"
            guard let taskLabel = taskLabels[name] else {
                guard allowUnmatchedLabels else { throw BadFunctionError("\(description) is not in dataset") }
                log("\(description) is not in dataset; any annotations using it will be ignored")
                labels[label.id ?? -1] = .some(nil)
                continue
            }
            let attributes = try Self.attributes(
                label.attributes ?? [],
                taskLabel.attributes ?? [],
                of: description,
                allowUnmatched: allowUnmatchedLabels,
                log: log
            )
            let taskSublabels = Dictionary(
                (taskLabel.sublabels ?? []).map { ($0.name, $0) },
                uniquingKeysWith: { first, _ in first }
            )
            var sublabels: [Int: SublabelTarget?] = [:]
            for sublabel in label.sublabels ?? [] {
                let sublabelDescription = "sublabel '\(sublabel.name)' of \(description)"
                guard let taskSublabel = taskSublabels[sublabel.name], let taskSublabelId = taskSublabel.id else {
                    guard allowUnmatchedLabels else {
                        throw BadFunctionError("\(sublabelDescription) is not in dataset")
                    }
                    log("\(sublabelDescription) is not in dataset; any annotations using it will be ignored")
                    sublabels[sublabel.id ?? -1] = .some(nil)
                    continue
                }
                sublabels[sublabel.id ?? -1] = SublabelTarget(
                    id: taskSublabelId,
                    attributes: try Self.attributes(
                        sublabel.attributes ?? [],
                        taskSublabel.attributes ?? [],
                        of: sublabelDescription,
                        allowUnmatched: allowUnmatchedLabels,
                        log: log
                    )
                )
            }
            labels[label.id ?? -1] = LabelTarget(
                id: taskLabel.id ?? 0,
                attributes: attributes,
                sublabels: sublabels,
                expectedElements: taskLabel.sublabels?.count ?? 0,
                expectedType: try Self.expectedType(
                    function: label,
                    task: taskLabel,
                    convertMasksToPolygons: convertMasksToPolygons
                )
            )
        }
        self.labels = labels
    }

    private static func expectedType(function: PatchedLabelRequest, task: Label, convertMasksToPolygons: Bool) throws
        -> String
    {
        let taskType = (task.type ?? .any).rawValue
        var functionType = (function.type ?? .any).rawValue
        if functionType == "any" { return taskType }
        if convertMasksToPolygons, functionType == "mask" { functionType = "polygon" }
        guard compatible(functionType, taskType) else {
            throw BadFunctionError(
                "label '\(function.name ?? "")' has type '\(functionType)' in the function, but '\(taskType)' in the dataset"
            )
        }
        return functionType
    }

    private static func attributes(
        _ function: [AttributeRequest],
        _ task: [Attribute],
        of owner: String,
        allowUnmatched: Bool,
        log: (String) -> Void
    ) throws -> [Int: AttributeTarget?] {
        let byName = Dictionary(task.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var targets: [Int: AttributeTarget?] = [:]
        for attribute in function {
            let description = "attribute '\(attribute.name)' of \(owner)"
            guard let target = byName[attribute.name] else {
                guard allowUnmatched else { throw BadFunctionError("\(description) is not in dataset") }
                log("\(description) is not in dataset; any annotations using it will be ignored")
                targets[attribute.id ?? -1] = .some(nil)
                continue
            }
            guard target.inputType == attribute.inputType else {
                throw BadFunctionError(
                    "\(description) has input type '\(attribute.inputType.rawValue)' in the function, "
                        + "but '\(target.inputType.rawValue)' in the dataset"
                )
            }
            let valuesMatch: Bool
            switch target.inputType {
            case .text, .checkbox: valuesMatch = true
            case .select, .radio: valuesMatch = target.values.sorted() == attribute.values.sorted()
            default: valuesMatch = target.values == attribute.values
            }
            guard valuesMatch else {
                throw BadFunctionError(
                    "\(description) has values \(pythonList(attribute.values)) in the function, "
                        + "but \(pythonList(target.values)) in the dataset"
                )
            }
            targets[attribute.id ?? -1] = AttributeTarget(
                id: target.id ?? 0,
                rule: try AttributeValueRule(inputType: attribute.inputType, values: attribute.values)
            )
        }
        return targets
    }

    static func compatible(_ source: String, _ destination: String) -> Bool {
        destination == "any" || destination == source
    }

    // MARK: Checking and rewriting the function's output

    /// The frame's annotations with the task's ids, or `BadFunctionError` for the first rule
    /// broken; annotations of unmatched labels are dropped.
    func remap(_ annotations: [DetectionAnnotation], frame: Int) throws -> (
        tags: [LabeledImageRequest], shapes: [LabeledShapeRequest]
    ) {
        var tags: [LabeledImageRequest] = []
        var shapes: [LabeledShapeRequest] = []
        for annotation in annotations {
            switch annotation {
            case .tag(var tag):
                try checkFresh(id: tag.id, source: tag.source, frame: tag.frame, kind: "tag")
                guard let target = try target(of: tag.labelId, kind: "tag") else { continue }
                guard Self.compatible("tag", target.expectedType) else {
                    throw BadFunctionError("function output tag (expected shape of type '\(target.expectedType)')")
                }
                tag.labelId = target.id
                tag.frame = frame
                tag.source = "auto"
                tag.attributes = try remap(tag.attributes, target.attributes)
                tags.append(tag)
            case .shape(var shape):
                try checkFresh(id: shape.id, source: shape.source, frame: shape.frame, kind: "shape")
                guard let target = try target(of: shape.labelId, kind: "shape") else { continue }
                shape.labelId = target.id
                shape.frame = frame
                shape.source = "auto"
                shape.attributes = try remap(shape.attributes, target.attributes)
                guard Self.compatible(shape.type.rawValue, target.expectedType) else {
                    throw BadFunctionError(
                        "function output shape of type '\(shape.type.rawValue)' (expected '\(target.expectedType)')"
                    )
                }
                if shape.type == .mask, convertMasksToPolygons {
                    throw BadFunctionError("function output mask shape despite conv_mask_to_poly=True")
                }
                shape.elements = try remapElements(of: shape, target: target, frame: frame)
                shapes.append(shape)
            }
        }
        return (tags, shapes)
    }

    private func checkFresh(id: Nullable<Int>?, source: String?, frame: Int, kind: String) throws {
        if case .some = id { throw BadFunctionError("function output \(kind) with preset id") }
        if source != nil { throw BadFunctionError("function output \(kind) with preset source") }
        if frame != 0 { throw BadFunctionError("function output \(kind) with unexpected frame number (\(frame))") }
    }

    private func target(of labelId: Int, kind: String) throws -> LabelTarget? {
        guard let target = labels[labelId] else {
            throw BadFunctionError("function output \(kind) with unknown label ID (\(labelId))")
        }
        return target
    }

    private func remap(_ values: [AttributeValRequest]?, _ targets: [Int: AttributeTarget?]) throws
        -> [AttributeValRequest]?
    {
        guard let values else { return nil }
        var seen = Set<Int>()
        var remapped: [AttributeValRequest] = []
        for var value in values {
            guard let target = targets[value.specId] else {
                throw BadFunctionError("function output attribute with unknown ID (\(value.specId))")
            }
            guard let target else { continue }
            guard seen.insert(target.id).inserted else {
                throw BadFunctionError("function output shape with multiple attributes with same ID")
            }
            guard target.rule.accepts(value.value) else {
                throw BadFunctionError(
                    "function output attribute value ('\(value.value)') that is unsuitable for its attribute (\(value.specId))"
                )
            }
            value.specId = target.id
            remapped.append(value)
        }
        return remapped
    }

    private func remapElements(of shape: LabeledShapeRequest, target: LabelTarget, frame: Int) throws
        -> [SubLabeledShapeRequest]?
    {
        guard shape.type == .skeleton else {
            if let elements = shape.elements, !elements.isEmpty {
                throw BadFunctionError("function output non-skeleton shape with elements")
            }
            return shape.elements
        }
        var seen = Set<Int>()
        var elements: [SubLabeledShapeRequest] = []
        for var element in shape.elements ?? [] {
            if case .some = element.id { throw BadFunctionError("function output shape element with preset id") }
            if element.source != nil { throw BadFunctionError("function output shape element with preset source") }
            guard element.frame == 0 else {
                throw BadFunctionError("function output shape element with unexpected frame number (\(element.frame))")
            }
            guard element.type == .points else {
                throw BadFunctionError(
                    "function output skeleton with element type other than 'points' (\(element.type.rawValue))"
                )
            }
            guard let sublabel = target.sublabels[element.labelId] else {
                throw BadFunctionError("function output shape with unknown sublabel ID (\(element.labelId))")
            }
            guard let sublabel else { continue }
            guard seen.insert(sublabel.id).inserted else {
                throw BadFunctionError("function output skeleton with multiple elements with same sublabel")
            }
            element.source = "auto"
            element.frame = frame
            element.labelId = sublabel.id
            element.attributes = try remap(element.attributes, sublabel.attributes)
            elements.append(element)
        }
        guard elements.count == target.expectedElements else {
            throw BadFunctionError(
                "function output skeleton with fewer elements than expected (\(elements.count) vs \(target.expectedElements))"
            )
        }
        return elements
    }
}

/// A list as Python prints it in the seed's messages: `['4', '5', '6']`.
func pythonList(_ values: [String]) -> String {
    "[" + values.map { "'\($0)'" }.joined(separator: ", ") + "]"
}
