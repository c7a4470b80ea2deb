import SpecforgeModel

/// The changes between the declared types (models, enums, unions, aliases) of two versions,
/// each reported once, on the type, however many operations reach it.
struct TypeComparison {
    let old: ClientModel
    let new: ClientModel
    let renames: TypeRenames
    let includeDocs: Bool

    var changes: [APIChange] {
        let oldTypes = Dictionary(old.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newTypes = Dictionary(new.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let oldNames = Dictionary(renames.newNames.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let usage = TypeUsage(new)
        var changes: [APIChange] = []
        for type in old.types where newTypes[type.name] == nil {
            if let newName = renames.newNames[type.name] {
                changes.append(
                    change(
                        .typeRenamed,
                        newName,
                        "\(Self.kind(type)) \(type.name) is now named \(newName)",
                        [type.name, newName] + TypeRenames.uses(of: newName, in: new)
                    )
                )
                continue
            }
            changes.append(change(.typeRemoved, type.name, "\(Self.kind(type)) \(type.name) was removed", [type.name]))
        }
        for type in new.types {
            guard let before = oldTypes[type.name] ?? oldNames[type.name].flatMap({ oldTypes[$0] }) else {
                changes.append(change(.typeAdded, type.name, "\(Self.kind(type)) \(type.name) was added", [type.name]))
                continue
            }
            if includeDocs, before.documentation != type.documentation {
                changes.append(
                    change(.descriptionChanged, type.name, "\(type.name)'s description changed", [type.name])
                )
            }
            switch (before.kind, type.kind) {
            case (.structure(let a), .structure(let b)):
                changes += properties(a, b, of: type.name, usage: usage)
            case (.openEnum(let a), .openEnum(let b)):
                changes += values(a, b, of: type.name, inResponses: usage.inResponses.contains(type.name))
            case (.union(let a), .union(let b)):
                changes += alternatives(a, b, of: type.name)
            case (.alias(let a), .alias(let b)):
                if renames.renaming(a) != b {
                    changes.append(
                        change(
                            .typeKindChanged,
                            type.name,
                            "\(type.name) now stands for \(b.swift), not \(a.swift)",
                            [type.name]
                        )
                    )
                }
            default:
                changes.append(
                    change(
                        .typeKindChanged,
                        type.name,
                        "\(type.name) changed from \(Self.kind(before)) to \(Self.kind(type))",
                        [type.name]
                    )
                )
            }
        }
        return changes
    }

    private func change(_ rule: DiffRule, _ subject: String, _ message: String, _ symbols: [String]) -> APIChange {
        APIChange(rule, subject: subject, group: "Models", message: message, symbols: symbols)
    }

    private func properties(_ old: StructModel, _ new: StructModel, of type: String, usage: TypeUsage) -> [APIChange] {
        let inRequests = usage.inRequests.contains(type)
        let inResponses = usage.inResponses.contains(type)
        var changes: [APIChange] = []
        let oldByName = Dictionary(old.properties.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
        let newByName = Dictionary(new.properties.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
        for property in old.properties where newByName[property.wireName] == nil {
            changes.append(
                change(
                    .propertyRemoved,
                    type,
                    "\(type).\(property.wireName) was removed",
                    [Symbols.property(property.name, of: type)]
                )
            )
        }
        if old.additionalProperties != new.additionalProperties {
            changes.append(
                change(
                    .additionalPropertiesChanged,
                    type,
                    "\(type)'s additionalProperties went from \(old.additionalProperties ?? "unspecified") to \(new.additionalProperties ?? "unspecified")",
                    [type]
                )
            )
        }
        for property in new.properties {
            let symbol = [Symbols.property(property.name, of: type)]
            let name = "\(type).\(property.wireName)"
            guard let before = oldByName[property.wireName] else {
                let rule: DiffRule =
                    !inRequests
                    ? .responsePropertyAdded
                    : property.required ? .requiredRequestPropertyAdded : .optionalRequestPropertyAdded
                let description = property.required ? "required" : "optional"
                changes.append(
                    change(rule, type, "\(description) property \(name) (\(property.type.swift)) was added", symbol)
                )
                continue
            }
            func add(_ rule: DiffRule, _ message: String) {
                changes.append(change(rule, type, message, symbol))
            }
            if renames.renaming(before.type.unwrapped) != property.type.unwrapped {
                add(.propertyTypeChanged, "\(name) changed type from \(before.type.swift) to \(property.type.swift)")
            }
            if !before.required, property.required {
                add(.propertyBecameRequired, "\(name) became required")
            } else if before.required, !property.required {
                add(inResponses ? .propertyBecameOptional : .requestPropertyBecameOptional, "\(name) became optional")
            }
            if before.nullable != property.nullable {
                let now = property.nullable ? "may be null" : "may no longer be null"
                add(.propertyNullableChanged, "\(name) \(now) (\(before.type.swift) → \(property.type.swift))")
            }
            if before.readOnly != property.readOnly {
                add(
                    .propertyReadOnlyChanged,
                    "\(name) \(property.readOnly ? "became read-only" : "is no longer read-only")"
                )
            }
            if before.writeOnly != property.writeOnly {
                add(
                    .propertyWriteOnlyChanged,
                    "\(name) \(property.writeOnly ? "became write-only" : "is no longer write-only")"
                )
            }
            // A default only matters where the server fills in what a request leaves out.
            if inRequests, before.defaultValue != property.defaultValue {
                add(
                    .propertyDefaultChanged,
                    "\(name)'s default went from \(before.defaultValue ?? "none") to \(property.defaultValue ?? "none")"
                )
            }
            if !before.deprecated, property.deprecated {
                add(.propertyDeprecated, "\(name) is deprecated")
            }
            for shift in ConstraintShift.between(before.constraints, property.constraints) {
                add(shift.rule(inRequests: inRequests, inResponses: inResponses), "\(name): \(shift.description)")
            }
            if includeDocs {
                if before.documentation != property.documentation {
                    add(.descriptionChanged, "\(name)'s description changed")
                }
                if before.example != property.example {
                    add(
                        .exampleChanged,
                        "\(name)'s example went from \(before.example ?? "none") to \(property.example ?? "none")"
                    )
                }
            }
        }
        return changes
    }

    private func values(_ old: EnumModel, _ new: EnumModel, of type: String, inResponses: Bool) -> [APIChange] {
        let oldValues = Set(old.cases.map(\.value))
        let newValues = Set(new.cases.map(\.value))
        let removed = old.cases.filter { !newValues.contains($0.value) }.map {
            change(.enumValueRemoved, type, "\(type) lost the value '\($0.value)'", ["\(type).\($0.name)"])
        }
        let added = new.cases.filter { !oldValues.contains($0.value) }.map {
            change(
                inResponses ? .responseEnumValueAdded : .requestEnumValueAdded,
                type,
                "\(type) gained the value '\($0.value)'",
                ["\(type).\($0.name)"]
            )
        }
        return removed + added
    }

    private func alternatives(_ old: UnionModel, _ new: UnionModel, of type: String) -> [APIChange] {
        let oldTypes = Set(old.cases.map { renames.renaming($0.type) })
        let newTypes = Set(new.cases.map(\.type))
        var changes = old.cases.filter { !newTypes.contains(renames.renaming($0.type)) }.map {
            change(
                .unionAlternativeRemoved,
                type,
                "\(type) lost the alternative \($0.type.swift)",
                ["\(type).\($0.name)"]
            )
        }
        changes += new.cases.filter { !oldTypes.contains($0.type) }.map {
            change(
                .unionAlternativeAdded,
                type,
                "\(type) gained the alternative \($0.type.swift)",
                ["\(type).\($0.name)"]
            )
        }
        let oldMapping = Dictionary(
            old.cases.map { (renames.renaming($0.type), $0.discriminatorValues) },
            uniquingKeysWith: { a, _ in a }
        )
        let changedMapping = new.cases.contains {
            oldMapping[$0.type].map(Set.init) != Set($0.discriminatorValues) && oldMapping[$0.type] != nil
        }
        if old.discriminator != new.discriminator || changedMapping {
            changes.append(
                change(
                    .discriminatorChanged,
                    type,
                    "\(type)'s discriminator changed (\(old.discriminator ?? "none") → \(new.discriminator ?? "none"))",
                    [type]
                )
            )
        }
        return changes
    }

    private static func kind(_ type: TypeDeclaration) -> String {
        switch type.kind {
        case .structure: "model"
        case .openEnum: "enum"
        case .union: "union"
        case .alias: "type alias"
        }
    }
}

/// Which declared types requests carry and which responses carry (transitively), which decides
/// how much a change to them matters.
struct TypeUsage {
    private(set) var inRequests: Set<String> = []
    private(set) var inResponses: Set<String> = []

    init(_ model: ClientModel) {
        let types = Dictionary(model.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for operation in model.groups.flatMap(\.operations) {
            if let body = operation.body { Self.collect(body.type, types, into: &inRequests) }
            for parameter in operation.parameters { Self.collect(parameter.type, types, into: &inRequests) }
            for response in operation.responses {
                if let type = response.type { Self.collect(type, types, into: &inResponses) }
            }
        }
    }

    private static func collect(_ type: TypeRef, _ types: [String: TypeDeclaration], into found: inout Set<String>) {
        switch type {
        case .named(let name):
            guard found.insert(name).inserted, let declaration = types[name] else { return }
            switch declaration.kind {
            case .structure(let model):
                for property in model.properties { collect(property.type, types, into: &found) }
            case .union(let model):
                for item in model.cases { collect(item.type, types, into: &found) }
            case .alias(let target): collect(target, types, into: &found)
            case .openEnum: break
            }
        case .array(let element), .map(let element), .optional(let element), .nullable(let element):
            collect(element, types, into: &found)
        default:
            break
        }
    }
}
