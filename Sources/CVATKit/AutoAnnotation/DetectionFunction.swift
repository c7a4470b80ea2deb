import CVAT
import Foundation
import SpecforgeRuntime

/// An auto-annotation function, the seed's `DetectionFunction`: it declares its labels once
/// (`spec`) and returns tags and shapes for one image at a time, naming labels by the ids of
/// its spec. `annotateTask` matches those labels with the task's by name and uploads the
/// results.
///
/// ```swift
/// struct WholeFrame: DetectionFunction {
///     let spec = try! DetectionFunctionSpec(labels: [AutoAnnotation.labelSpec("car", id: 0)])
///
///     func detect(context: DetectionContext, image: FrameImage) async throws -> [DetectionAnnotation] {
///         [AutoAnnotation.rectangle(0, points: [0, 0, Double(image.width), Double(image.height)])]
///     }
/// }
/// ```
public protocol DetectionFunction: Sendable {
    var spec: DetectionFunctionSpec { get }

    /// The objects on `image`. Each annotation has frame 0, no id and no source (the driver sets
    /// them), a label id of the spec, and attribute ids of that label.
    func detect(context: DetectionContext, image: FrameImage) async throws -> [DetectionAnnotation]
}

/// What a detection function is told about the image it is given.
public struct DetectionContext: Sendable {
    /// The frame's number in the task.
    public let frameIndex: Int
    /// The frame's file name in the task.
    public let frameName: String
    /// When set (0…1), only objects with at least this confidence may be returned.
    public let confThreshold: Double?
    /// When true, masks must be returned as polygons.
    public let convertMasksToPolygons: Bool

    public init(
        frameIndex: Int = 0,
        frameName: String,
        confThreshold: Double? = nil,
        convertMasksToPolygons: Bool = false
    ) {
        self.frameIndex = frameIndex
        self.frameName = frameName
        self.confThreshold = confThreshold
        self.convertMasksToPolygons = convertMasksToPolygons
    }
}

/// A result of a detection function: a tag on the whole image, or a shape.
public enum DetectionAnnotation: Sendable {
    case tag(LabeledImageRequest)
    case shape(LabeledShapeRequest)
}

/// A function that breaks the auto-annotation protocol: a bad spec, a label the task lacks,
/// or an annotation that does not follow the rules. Its message is the seed's.
public struct BadFunctionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// What a function declares: its labels, each with a distinct `id` (and distinct ids for each
/// label's attributes and, for skeletons, sublabels), checked when the spec is made.
public struct DetectionFunctionSpec: Sendable {
    public let labels: [PatchedLabelRequest]

    public init(labels: [PatchedLabelRequest]) throws {
        var seen = Set<Int>()
        for label in labels {
            let name = label.name ?? ""
            guard let id = label.id else { throw BadFunctionError("label '\(name)' has no ID") }
            guard seen.insert(id).inserted else {
                throw BadFunctionError("label \(name) has same ID as another label (\(id))")
            }
            try Self.validate(label)
        }
        self.labels = labels
    }

    private static func validate(_ label: PatchedLabelRequest) throws {
        let description = "label '\(label.name ?? "")'"
        try validate(attributes: label.attributes ?? [], of: description)
        let sublabels = label.sublabels ?? []
        guard !sublabels.isEmpty else { return }
        let type = label.type ?? .any
        guard type == .skeleton else {
            throw BadFunctionError("\(description) with sublabels has type '\(type.rawValue)' (should be 'skeleton')")
        }
        var seen = Set<Int>()
        for sublabel in sublabels {
            let sublabelDescription = "sublabel '\(sublabel.name)' of \(description)"
            guard let id = sublabel.id else { throw BadFunctionError("\(sublabelDescription) has no ID") }
            guard seen.insert(id).inserted else {
                throw BadFunctionError("\(sublabelDescription) has same ID as another sublabel (\(id))")
            }
            guard sublabel.type == .points else {
                throw BadFunctionError(
                    "\(sublabelDescription) has type '\((sublabel.type ?? .any).rawValue)' (should be 'points')"
                )
            }
            try validate(attributes: sublabel.attributes ?? [], of: sublabelDescription)
        }
    }

    private static func validate(attributes: [AttributeRequest], of owner: String) throws {
        var seen = Set<Int>()
        for attribute in attributes {
            let description = "attribute '\(attribute.name)' of \(owner)"
            guard let id = attribute.id else { throw BadFunctionError("\(description) has no ID") }
            guard seen.insert(id).inserted else {
                throw BadFunctionError("\(description) has same ID as another attribute (\(id))")
            }
            do {
                _ = try AttributeValueRule(inputType: attribute.inputType, values: attribute.values)
            } catch let error as AttributeValueRule.InvalidValues {
                throw BadFunctionError("\(description) has invalid values: \(error.message)")
            }
        }
    }
}

/// Which values an attribute takes, by input type (cvat-sdk's `attribute_value_validator`):
/// `number` values are `[min, max, step]`, `radio` and `select` list their choices,
/// `checkbox` is `true`/`false`, `text` is anything.
struct AttributeValueRule: Sendable {
    struct InvalidValues: Error {
        let message: String
    }

    private let accepts: @Sendable (String) -> Bool

    init(inputType: InputTypeEnum, values: [String]) throws {
        switch inputType {
        case .checkbox:
            accepts = { $0 == "true" || $0 == "false" }
        case .number:
            guard values.count == 3 else {
                throw InvalidValues(message: "wrong number of values: expected 3, got \(values.count)")
            }
            let numbers = values.compactMap { Int($0) }
            guard numbers.count == 3 else { throw InvalidValues(message: "values could not be converted to integers") }
            let (minimum, maximum, step) = (numbers[0], numbers[1], numbers[2])
            guard minimum <= maximum, step > 0, (maximum - minimum) % step == 0 else {
                throw InvalidValues(message: "invalid values: [\(values.joined(separator: ", "))]")
            }
            accepts = { text in
                guard let value = Int(text) else { return false }
                return minimum <= value && value <= maximum && (value - minimum) % step == 0
            }
        case .radio, .select:
            guard !values.isEmpty else { throw InvalidValues(message: "empty list of allowed values") }
            let allowed = Set(values)
            accepts = { allowed.contains($0) }
        default:
            accepts = { _ in true }
        }
    }

    func accepts(_ value: String) -> Bool { accepts(value) }
}
