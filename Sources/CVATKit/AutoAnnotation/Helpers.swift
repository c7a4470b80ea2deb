import CVAT
import Foundation
import SpecforgeRuntime

/// The seed's helper factories (`cvataa.label_spec`, `cvataa.rectangle`, …): shorter than the
/// model initialisers, and they fill what the protocol requires (frame 0, keypoints of type
/// `points`, attributes not mutable).
public enum AutoAnnotation {
    // MARK: Spec

    public static func labelSpec(
        _ name: String,
        id: Int,
        type: LabelType? = nil,
        attributes: [AttributeRequest]? = nil,
        color: String? = nil
    ) -> PatchedLabelRequest {
        PatchedLabelRequest(id: id, name: name, color: color, attributes: attributes, type: type)
    }

    /// A skeleton label made of `sublabels` (each a `keypointSpec`).
    public static func skeletonLabelSpec(
        _ name: String,
        id: Int,
        sublabels: [SublabelRequest],
        attributes: [AttributeRequest]? = nil
    ) -> PatchedLabelRequest {
        PatchedLabelRequest(id: id, name: name, attributes: attributes, type: .skeleton, sublabels: sublabels)
    }

    public static func keypointSpec(_ name: String, id: Int, attributes: [AttributeRequest]? = nil) -> SublabelRequest {
        SublabelRequest(id: id, name: name, attributes: attributes, type: .points)
    }

    public static func attributeSpec(_ name: String, id: Int, inputType: InputTypeEnum, values: [String])
        -> AttributeRequest
    {
        AttributeRequest(id: id, name: name, mutable: false, inputType: inputType, values: values)
    }

    /// A number attribute from `minimum` to `maximum` by `step`.
    public static func numberAttributeSpec(_ name: String, id: Int, minimum: Int, maximum: Int, step: Int = 1)
        -> AttributeRequest
    {
        attributeSpec(name, id: id, inputType: .number, values: [String(minimum), String(maximum), String(step)])
    }

    public static func checkboxAttributeSpec(_ name: String, id: Int) -> AttributeRequest {
        attributeSpec(name, id: id, inputType: .checkbox, values: [])
    }

    public static func radioAttributeSpec(_ name: String, id: Int, values: [String]) -> AttributeRequest {
        attributeSpec(name, id: id, inputType: .radio, values: values)
    }

    public static func selectAttributeSpec(_ name: String, id: Int, values: [String]) -> AttributeRequest {
        attributeSpec(name, id: id, inputType: .select, values: values)
    }

    public static func textAttributeSpec(_ name: String, id: Int) -> AttributeRequest {
        attributeSpec(name, id: id, inputType: .text, values: [])
    }

    // MARK: Annotations

    public static func tag(_ labelId: Int, attributes: [AttributeValRequest]? = nil) -> DetectionAnnotation {
        .tag(LabeledImageRequest(labelId: labelId, frame: 0, attributes: attributes))
    }

    public static func shape(
        _ labelId: Int,
        type: ShapeType,
        points: [Double]? = nil,
        attributes: [AttributeValRequest]? = nil,
        elements: [SubLabeledShapeRequest]? = nil
    ) -> DetectionAnnotation {
        .shape(
            LabeledShapeRequest(
                type: type,
                points: points,
                labelId: labelId,
                frame: 0,
                attributes: attributes,
                elements: elements
            )
        )
    }

    /// `points`: the top-left and bottom-right corners, `[x1, y1, x2, y2]`.
    public static func rectangle(_ labelId: Int, points: [Double], attributes: [AttributeValRequest]? = nil)
        -> DetectionAnnotation
    {
        shape(labelId, type: .rectangle, points: points, attributes: attributes)
    }

    /// `points`: `[x1, y1, x2, y2, …]`.
    public static func polygon(_ labelId: Int, points: [Double], attributes: [AttributeValRequest]? = nil)
        -> DetectionAnnotation
    {
        shape(labelId, type: .polygon, points: points, attributes: attributes)
    }

    /// `points`: a mask as `Mask.encode` writes it.
    public static func mask(_ labelId: Int, points: [Double], attributes: [AttributeValRequest]? = nil)
        -> DetectionAnnotation
    {
        shape(labelId, type: .mask, points: points, attributes: attributes)
    }

    /// A skeleton of `elements` (each a `keypoint`), one per sublabel of the label.
    public static func skeleton(_ labelId: Int, elements: [SubLabeledShapeRequest]) -> DetectionAnnotation {
        shape(labelId, type: .skeleton, elements: elements)
    }

    public static func keypoint(_ labelId: Int, points: [Double], attributes: [AttributeValRequest]? = nil)
        -> SubLabeledShapeRequest
    {
        SubLabeledShapeRequest(type: .points, points: points, labelId: labelId, frame: 0, attributes: attributes)
    }
}
