import SpecforgeModel

/// How one validation keyword moved between two versions: which values it lets through.
struct ConstraintShift: Equatable {
    enum Direction {
        /// Some values accepted before are not any more.
        case tightened
        /// Every value accepted before still is, and more.
        case loosened
        /// Neither: a pattern or a multipleOf replaced by an unrelated one.
        case replaced
    }

    let direction: Direction
    /// `maxLength 256 → 128`, `pattern added (^[a-z]+$)`.
    let description: String

    /// The shifts from `old` to `new`, one per keyword that changed, in keyword order.
    static func between(_ old: ValueConstraints, _ new: ValueConstraints) -> [ConstraintShift] {
        var shifts: [ConstraintShift] = []
        shifts += bound("minimum", old.minimum, old.exclusiveMinimum, new.minimum, new.exclusiveMinimum, stricter: >)
        shifts += bound("maximum", old.maximum, old.exclusiveMaximum, new.maximum, new.exclusiveMaximum, stricter: <)
        shifts += count("minLength", old.minLength, new.minLength, stricter: >)
        shifts += count("maxLength", old.maxLength, new.maxLength, stricter: <)
        shifts += count("minItems", old.minItems, new.minItems, stricter: >)
        shifts += count("maxItems", old.maxItems, new.maxItems, stricter: <)
        shifts += count("minProperties", old.minProperties, new.minProperties, stricter: >)
        shifts += count("maxProperties", old.maxProperties, new.maxProperties, stricter: <)
        shifts += multipleOf(old.multipleOf, new.multipleOf)
        shifts += pattern(old.pattern, new.pattern)
        if old.uniqueItems != new.uniqueItems {
            shifts.append(
                new.uniqueItems
                    ? ConstraintShift(direction: .tightened, description: "uniqueItems added")
                    : ConstraintShift(direction: .loosened, description: "uniqueItems removed")
            )
        }
        return shifts
    }

    /// A length or an item count: a bound that is never exclusive.
    private static func count(_ keyword: String, _ old: Int?, _ new: Int?, stricter: (Double, Double) -> Bool)
        -> [ConstraintShift]
    {
        bound(keyword, old.map(Double.init), false, new.map(Double.init), false, stricter: stricter)
    }

    /// A bound tightens when it appears, moves the `stricter` way (a lower bound up, an upper
    /// bound down), or becomes exclusive.
    private static func bound(
        _ keyword: String,
        _ old: Double?,
        _ oldExclusive: Bool,
        _ new: Double?,
        _ newExclusive: Bool,
        stricter: (Double, Double) -> Bool
    ) -> [ConstraintShift] {
        func text(_ value: Double, _ exclusive: Bool) -> String {
            ValueConstraints.number(value) + (exclusive ? " (exclusive)" : "")
        }
        switch (old, new) {
        case (nil, nil):
            return []
        case (nil, let added?):
            return [
                ConstraintShift(direction: .tightened, description: "\(keyword) \(text(added, newExclusive)) added")
            ]
        case (let removed?, nil):
            return [
                ConstraintShift(direction: .loosened, description: "\(keyword) \(text(removed, oldExclusive)) removed")
            ]
        case (let before?, let after?):
            guard before != after || oldExclusive != newExclusive else { return [] }
            let tighter = stricter(after, before) || (before == after && newExclusive)
            return [
                ConstraintShift(
                    direction: tighter ? .tightened : .loosened,
                    description: "\(keyword) \(text(before, oldExclusive)) → \(text(after, newExclusive))"
                )
            ]
        }
    }

    /// A multiple of the old divisor admits fewer values; a divisor of it, more.
    private static func multipleOf(_ old: Double?, _ new: Double?) -> [ConstraintShift] {
        switch (old, new) {
        case (nil, nil): return []
        case (nil, let added?):
            return [
                ConstraintShift(
                    direction: .tightened,
                    description: "multipleOf \(ValueConstraints.number(added)) added"
                )
            ]
        case (let removed?, nil):
            return [
                ConstraintShift(
                    direction: .loosened,
                    description: "multipleOf \(ValueConstraints.number(removed)) removed"
                )
            ]
        case (let before?, let after?):
            guard before != after else { return [] }
            let direction: Direction =
                after.truncatingRemainder(dividingBy: before) == 0
                ? .tightened : before.truncatingRemainder(dividingBy: after) == 0 ? .loosened : .replaced
            return [
                ConstraintShift(
                    direction: direction,
                    description: "multipleOf \(ValueConstraints.number(before)) → \(ValueConstraints.number(after))"
                )
            ]
        }
    }

    private static func pattern(_ old: String?, _ new: String?) -> [ConstraintShift] {
        switch (old, new) {
        case (nil, nil): return []
        case (nil, let added?): return [ConstraintShift(direction: .tightened, description: "pattern \(added) added")]
        case (let removed?, nil):
            return [ConstraintShift(direction: .loosened, description: "pattern \(removed) removed")]
        case (let before?, let after?):
            return before == after
                ? [] : [ConstraintShift(direction: .replaced, description: "pattern \(before) → \(after)")]
        }
    }

    /// The rule for this shift on a value that requests send (`inRequests`) and responses
    /// carry (`inResponses`): the more severe reading wins when the value goes both ways.
    func rule(inRequests: Bool, inResponses: Bool) -> DiffRule {
        switch direction {
        case .replaced: .constraintChanged
        case .tightened: inRequests || !inResponses ? .requestConstraintTightened : .responseConstraintTightened
        case .loosened: inResponses ? .responseConstraintLoosened : .requestConstraintLoosened
        }
    }
}
