import SpecforgeParser

/// Decides what the generated client checks before it sends a request: which of a property's
/// or parameter's constraints apply to its Swift type (`maxLength` on a string, `minimum` on a
/// number, `maxItems` on an array, `maxProperties` on a map), and which properties hold models
/// that have checks of their own, so that validating a request body descends into them.
///
/// A constraint that cannot apply to the type (`maxLength` on an integer, any constraint on an
/// enum or a union) is dropped here rather than left for the runtime to ignore.
enum ClientSideChecks {
    static func mark(_ declarations: inout [TypeDeclaration], groups: inout [APIGroup]) {
        let aliases = Dictionary(
            declarations.compactMap { declaration -> (String, TypeRef)? in
                guard case .alias(let target) = declaration.kind else { return nil }
                return (declaration.name, target)
            },
            uniquingKeysWith: { first, _ in first }
        )
        for position in declarations.indices {
            guard case .structure(var model) = declarations[position].kind else { continue }
            for index in model.properties.indices {
                let property = model.properties[index]
                model.properties[index].checkedConstraints = applicable(
                    property.constraints,
                    to: property.type,
                    aliases: aliases
                )
            }
            declarations[position].kind = .structure(model)
        }
        markNestedChecks(&declarations, aliases: aliases)
        for group in groups.indices {
            for operation in groups[group].operations.indices {
                for index in groups[group].operations[operation].parameters.indices {
                    let parameter = groups[group].operations[operation].parameters[index]
                    groups[group].operations[operation].parameters[index].checkedConstraints = applicable(
                        parameter.constraints,
                        to: parameter.type,
                        aliases: aliases
                    )
                }
            }
        }
    }

    /// The constraints among `constraints` that a value of `type` can be checked against.
    static func applicable(_ constraints: ValueConstraints, to type: TypeRef, aliases: [String: TypeRef])
        -> ValueConstraints
    {
        var checked = ValueConstraints()
        switch resolved(type, aliases: aliases) {
        case .string:
            checked.minLength = constraints.minLength
            checked.maxLength = constraints.maxLength
            checked.pattern = constraints.pattern
        case .int, .int32, .int64, .double, .float:
            checked.minimum = constraints.minimum
            checked.exclusiveMinimum = constraints.minimum != nil && constraints.exclusiveMinimum
            checked.maximum = constraints.maximum
            checked.exclusiveMaximum = constraints.maximum != nil && constraints.exclusiveMaximum
            checked.multipleOf = constraints.multipleOf
        case .array:
            checked.minItems = constraints.minItems
            checked.maxItems = constraints.maxItems
            checked.uniqueItems = constraints.uniqueItems
        case .map:
            checked.minProperties = constraints.minProperties
            checked.maxProperties = constraints.maxProperties
        default:
            break
        }
        return checked
    }

    /// `type` without optionals and with aliases followed to what they name.
    private static func resolved(_ type: TypeRef, aliases: [String: TypeRef]) -> TypeRef {
        var type = type.unwrapped
        var seen: Set<String> = []
        while case .named(let name) = type, let target = aliases[name], seen.insert(name).inserted {
            type = target.unwrapped
        }
        return type
    }

    /// Marks every property whose value holds (through optionals, arrays, maps and aliases) a
    /// struct with checks of its own, directly or further down: a fixed point, since structs
    /// may refer to each other in cycles.
    private static func markNestedChecks(_ declarations: inout [TypeDeclaration], aliases: [String: TypeRef]) {
        var structs: [String: StructModel] = [:]
        for declaration in declarations {
            if case .structure(let model) = declaration.kind { structs[declaration.name] = model }
        }
        func heldStructs(_ type: TypeRef) -> [String] {
            switch resolved(type, aliases: aliases) {
            case .named(let name): return structs[name] == nil ? [] : [name]
            case .array(let element), .map(let element): return heldStructs(element)
            default: return []
            }
        }
        var checked = Set(structs.filter { $0.value.properties.contains { !$0.checkedConstraints.isEmpty } }.keys)
        var changed = true
        while changed {
            changed = false
            for (name, model) in structs where !checked.contains(name) {
                if model.properties.contains(where: { heldStructs($0.type).contains(where: checked.contains) }) {
                    checked.insert(name)
                    changed = true
                }
            }
        }
        for position in declarations.indices {
            guard case .structure(var model) = declarations[position].kind else { continue }
            for index in model.properties.indices {
                model.properties[index].validatesNested = heldStructs(model.properties[index].type)
                    .contains(where: checked.contains)
            }
            declarations[position].kind = .structure(model)
        }
    }
}
