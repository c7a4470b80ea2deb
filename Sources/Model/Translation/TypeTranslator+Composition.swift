import SpecforgeDiagnostics
import SpecforgeParser

/// `allOf`, `oneOf`/`anyOf` and `enum`: the schema shapes that need more than a type lookup.
extension TypeTranslator {
    // MARK: - allOf

    func translateAllOf(
        _ schema: Schema,
        members: [Schema],
        hint: String,
        inObject: Bool,
        declaringAs name: String?
    ) -> TypeRef {
        // Members that only annotate or constrain (a description, `maxLength: 16`, `required`)
        // change no type; only the properties they require are kept.
        let constraints = members.filter(\.isAnnotationOnly)
        let members = members.filter { !$0.isAnnotationOnly }
        // `allOf: [$ref]` with annotations (drf-spectacular's way to add `nullable` or a
        // description to a reference) is the referenced type itself.
        if members.count == 1, schema.properties.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty {
            let type = translate(members[0], hint: hint, inObject: inObject)
            return declaringAs(name, alias: type, schema: schema)
        }
        var visited: Set<String> = []
        guard let merged = mergedProperties(schema, members: members, visited: &visited) else {
            warnLoose(schema, "'allOf' combines schemas that are not all objects; mapped to JSONValue")
            return declaringAs(name, alias: .json, schema: schema)
        }
        let typeName = name ?? inlineTypeName(hint, schema)
        let required = merged.required.union(constraints.flatMap(\.required))
        return declareStruct(typeName, for: schema, properties: merged.properties, required: required)
    }

    /// The properties of every member (following references and nested `allOf`) and the
    /// schema's own, in order; a later definition of a property replaces an earlier one.
    private func mergedProperties(
        _ schema: Schema,
        members: [Schema],
        visited: inout Set<String>
    ) -> (properties: [(name: String, schema: Schema)], required: Set<String>)? {
        var properties: [(name: String, schema: Schema)] = []
        var required = Set(schema.required)
        func add(_ name: String, _ property: Schema) {
            if let index = properties.firstIndex(where: { $0.name == name }) {
                properties[index].schema = property
            } else {
                properties.append((name, property))
            }
        }
        for member in members {
            guard let resolved = references.resolveSchema(member)?.schema else { continue }
            guard visited.insert(resolved.pointer + resolved.location.description).inserted else { continue }
            if isNullOnly(resolved) { continue }
            let isObject = resolved.types.isEmpty || resolved.types.contains("object")
            guard isObject, resolved.oneOf.isEmpty, resolved.anyOf.isEmpty, resolved.enumValues == nil else {
                return nil
            }
            let nested = resolved.reference.map { [Schema.referencing($0)] } ?? []
            guard let inner = mergedProperties(resolved, members: nested + resolved.allOf, visited: &visited) else {
                return nil
            }
            for property in inner.properties { add(property.name, property.schema) }
            required.formUnion(inner.required)
        }
        for property in schema.properties { add(property.name, property.schema) }
        return (properties, required)
    }

    // MARK: - Structs

    func structModel(properties: [(name: String, schema: Schema)], required: Set<String>, typeName: String)
        -> StructModel
    {
        var memberNames = UniqueNames(reserved: SwiftNames.reservedMembers)
        let models = properties.map { wireName, schema -> PropertyModel in
            let type = translate(schema, hint: typeName + SwiftNames.typeName(wireName), inObject: true)
            let isRequired = required.contains(wireName)
            let annotations = annotations(of: schema)
            return PropertyModel(
                name: memberNames.claim(SwiftNames.safeMemberName(wireName)),
                wireName: wireName,
                // Not required and nullable: `Nullable<T>?`, so that absent and `null` stay
                // apart (PATCH bodies need both; see the runtime's `Nullable`).
                type: isRequired ? type : type.absentable,
                required: isRequired,
                nullable: type.isOptional,
                readOnly: schema.readOnly,
                writeOnly: schema.writeOnly,
                deprecated: schema.deprecated,
                documentation: schema.description ?? schema.title,
                defaultValue: annotations.defaultValue,
                example: annotations.example,
                constraints: annotations.constraints
            )
        }
        return StructModel(properties: models, pageItemType: pageItemType(models), additionalProperties: nil)
    }

    /// Django REST framework pages: `count`, `next`, `previous` and `results: [Item]`.
    private func pageItemType(_ properties: [PropertyModel]) -> TypeRef? {
        let byName = Dictionary(properties.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
        guard byName["next"]?.type.unwrapped == .string, byName["count"] != nil,
            let results = byName["results"], results.required, case .array(let element) = results.type
        else { return nil }
        return element
    }

    // MARK: - oneOf / anyOf

    func translateUnion(_ schema: Schema, hint: String, inObject: Bool, declaringAs name: String?) -> TypeRef {
        let members = schema.oneOf + schema.anyOf
        let values = members.filter { !isNullOnly($0) }
        let nullable = values.count < members.count
        func finish(_ type: TypeRef) -> TypeRef {
            let result = nullable ? type.optional : type
            return declaringAs(name, alias: result, schema: schema)
        }
        if values.isEmpty { return finish(.json) }
        if values.count == 1 { return finish(translate(values[0], hint: hint, inObject: inObject)) }
        if let merged = enumOfAlternatives(values, in: schema) {
            let typeName = name ?? inlineTypeName(hint, schema)
            declare(typeName, .openEnum(merged), schema: schema)
            let type = TypeRef.named(typeName)
            return nullable ? type.optional : type
        }
        let typeName = name ?? inlineTypeName(hint, schema)
        let mapping = schema.discriminator?.mapping ?? []
        let alternatives = values.enumerated().map { index, member -> (type: TypeRef, values: [String]) in
            let type = translate(member, hint: typeName + "Case\(index + 1)", inObject: inObject).unwrapped
            guard let property = schema.discriminator?.propertyName else { return (type, []) }
            // The mapping first; then the value the alternative fixes for the property (a
            // one-value `enum` or a `const`), which is how most documents say it; then, as
            // OpenAPI says, the schema's name.
            var discriminatorValues = mapping.filter { $0.reference == member.reference }.map(\.value)
            if discriminatorValues.isEmpty, let fixed = fixedValue(of: property, in: member) {
                discriminatorValues = [fixed]
            }
            if discriminatorValues.isEmpty, let reference = member.reference {
                discriminatorValues = [reference.suggestedName]
            }
            return (type, discriminatorValues)
        }
        let names = unionCaseNames(alternatives, unionName: typeName)
        let cases = zip(alternatives, names).map {
            UnionModel.Case(name: $1, type: $0.type, discriminatorValues: $0.values)
        }
        var union = UnionModel(
            cases: cases,
            discriminator: schema.discriminator?.propertyName,
            isAnyOf: schema.oneOf.isEmpty
        )
        if union.discriminator != nil {
            let taken = Set(names)
            union.unknownCaseName =
                ["unknown", "unknownValue", "undocumented"].first { !taken.contains($0) } ?? "unknown_"
        }
        declare(typeName, .union(union), schema: schema)
        let type = TypeRef.named(typeName)
        return nullable ? type.optional : type
    }

    /// The cases' names: the discriminator values where every alternative has one and they make
    /// distinct Swift names (`.system`, `.user`); otherwise each alternative's type name without
    /// the leading words it shares with the union's (`.systemMessage` for
    /// `ChatRequestSystemMessage` in `ChatRequestMessage`, not `.chatRequestSystemMessage`).
    private func unionCaseNames(_ alternatives: [(type: TypeRef, values: [String])], unionName: String) -> [String] {
        if !alternatives.isEmpty, alternatives.allSatisfy({ !$0.values.isEmpty }) {
            let fromValues = alternatives.map { SwiftNames.safeMemberName($0.values[0]) }
            if Set(fromValues.map { $0.lowercased() }).count == fromValues.count { return fromValues }
        }
        var caseNames = UniqueNames(reserved: SwiftNames.reservedMembers)
        let unionWords = SwiftNames.words(unionName)
        return alternatives.map { alternative in
            var name = caseName(for: alternative.type)
            if case .named(let typeName) = alternative.type {
                let words = SwiftNames.words(typeName)
                var shared = 0
                while shared < min(words.count - 1, unionWords.count), words[shared] == unionWords[shared] {
                    shared += 1
                }
                if shared > 0 { name = SwiftNames.safeMemberName(words.dropFirst(shared).joined(separator: "_")) }
            }
            return caseNames.claim(name)
        }
    }

    /// The one value an alternative allows for `property` (`enum: [system]` or `const:
    /// system`), looking through a reference and `allOf`.
    private func fixedValue(of property: String, in member: Schema) -> String? {
        guard let schema = references.resolveSchema(member)?.schema else { return nil }
        for candidate in [schema] + schema.allOf.compactMap({ references.resolveSchema($0)?.schema }) {
            guard let propertySchema = candidate.properties.first(where: { $0.name == property })?.schema,
                let resolved = references.resolveSchema(propertySchema)?.schema
            else { continue }
            if let values = resolved.enumValues, values.count == 1, let value = values[0].scalar, !value.isNull {
                return value.value
            }
            if let constant = resolved.constValue?.scalar, !constant.isNull { return constant.value }
        }
        return nil
    }

    private func caseName(for type: TypeRef) -> String {
        switch type {
        case .named(let name): return SwiftNames.memberName(forType: name)
        case .array(let element): return caseName(for: element) + "List"
        case .map(let value): return caseName(for: value) + "Map"
        case .optional(let wrapped), .nullable(let wrapped): return caseName(for: wrapped)
        default: return SwiftNames.memberName(forType: type.swift)
        }
    }

    /// A `oneOf`/`anyOf` whose alternatives are all values of one scalar type is one open enum:
    /// string enums (drf-spectacular's `[StatusEnum, BlankEnum]`), 3.1's titled constants
    /// (`{title: TIER_1, const: 1}`, each case named from its title), and the plain type itself
    /// ("the values above, or any other string"). Open enums keep any value of their raw type,
    /// so nothing is lost, and a value is never taken by the wrong alternative.
    private func enumOfAlternatives(_ members: [Schema], in union: Schema) -> EnumModel? {
        if let declared = union.singleType, declared != "string", declared != "integer" { return nil }
        var rawType: EnumModel.RawType? = union.singleType.map { $0 == "integer" ? .int : .string }
        var values: [EnumModel.Value] = []
        func agree(_ type: EnumModel.RawType) -> Bool {
            if rawType == nil { rawType = type }
            return rawType == type
        }
        for member in members {
            guard let resolved = references.resolveSchema(member)?.schema, resolved.properties.isEmpty,
                resolved.items == nil, resolved.allOf.isEmpty, resolved.oneOf.isEmpty, resolved.anyOf.isEmpty
            else { return nil }
            let memberType = resolved.singleType
            if let memberType, memberType != "string", memberType != "integer" { return nil }
            guard let listed = resolved.enumValues ?? resolved.constValue.map({ [$0] }) else {
                // The plain type: any other value, which an open enum keeps anyway.
                guard let memberType, resolved.format == nil || memberType == "integer",
                    agree(memberType == "integer" ? .int : .string)
                else { return nil }
                continue
            }
            let scalars = listed.compactMap(\.scalar).filter { !$0.isNull }
            guard scalars.count == listed.filter({ $0.scalar?.isNull != true }).count else { return nil }
            // A lone value may be named by the alternative's title (3.1's way to name enum cases).
            let title = scalars.count == 1 ? (member.title ?? resolved.title) : nil
            let documentation = scalars.count == 1 ? (member.description ?? resolved.description) : nil
            for scalar in scalars {
                let isInteger = memberType != "string" && rawType != .string && scalar.integer != nil
                if !isInteger, scalar.bool != nil || scalar.number != nil, memberType != "string" { return nil }
                guard agree(isInteger ? .int : .string) else { return nil }
                guard !values.contains(where: { $0.value == scalar.value }) else { continue }
                values.append(EnumModel.Value(value: scalar.value, title: title, documentation: documentation))
            }
        }
        guard let rawType, !values.isEmpty else { return nil }
        if rawType == .int, !values.allSatisfy({ Int($0.value) != nil }) { return nil }
        return enumModel(values: values, rawType: rawType)
    }

    // MARK: - enum

    func translateEnum(_ schema: Schema, values: [Node], hint: String, declaringAs name: String?) -> TypeRef {
        let scalars = values.compactMap(\.scalar).filter { !$0.isNull }
        guard scalars.count == values.filter({ $0.scalar?.isNull != true }).count else {
            warnLoose(schema, "an enum with non-scalar values is mapped to JSONValue")
            return declaringAs(name, alias: .json, schema: schema)
        }
        let declaredType = schema.singleType
        if declaredType == "boolean"
            || (declaredType == nil && !scalars.isEmpty && scalars.allSatisfy { $0.bool != nil })
        {
            return declaringAs(name, alias: .bool, schema: schema)
        }
        if declaredType == "number" {
            return declaringAs(name, alias: .double, schema: schema)
        }
        let isInteger =
            declaredType == "integer"
            || (declaredType == nil && !scalars.isEmpty && scalars.allSatisfy { $0.integer != nil })
        if isInteger, !scalars.allSatisfy({ $0.integer != nil }) {
            warnLoose(schema, "an integer enum has values that are not integers; mapped to Int")
            return declaringAs(name, alias: .int, schema: schema)
        }
        var unique: [String] = []
        var seen: Set<String> = []
        for scalar in scalars where seen.insert(scalar.value).inserted { unique.append(scalar.value) }
        let typeName = name ?? inlineTypeName(hint, schema)
        declare(typeName, .openEnum(enumModel(values: unique, rawType: isInteger ? .int : .string)), schema: schema)
        return .named(typeName)
    }

    /// The same list of values gets the same cases; large enums (countries, currencies) are
    /// repeated inline many times in some documents, so the cases are made once per list.
    func enumModel(values: [String], rawType: EnumModel.RawType) -> EnumModel {
        enumModel(values: values.map { EnumModel.Value(value: $0) }, rawType: rawType)
    }

    func enumModel(values: [EnumModel.Value], rawType: EnumModel.RawType) -> EnumModel {
        var key = rawType.rawValue
        for value in values {
            key += "\u{0}" + value.value
            if value.title != nil || value.documentation != nil {
                key += "\u{1}" + (value.title ?? "") + "\u{1}" + (value.documentation ?? "")
            }
        }
        if let known = enumModels[key] { return known }
        let model = makeEnumModel(values: values, rawType: rawType)
        enumModels[key] = model
        return model
    }

    /// Cases are named from a value's title when it has one (`TIER_1` → `tier1`), else from the
    /// value (`audio_mp3` → `audioMp3`, `3` → `value3`).
    private func makeEnumModel(values: [EnumModel.Value], rawType: EnumModel.RawType) -> EnumModel {
        var names = UniqueNames(reserved: SwiftNames.reservedMembers)
        let cases = values.map { item -> EnumModel.Case in
            let value = item.value
            let base: String
            if let title = item.title, !title.isEmpty {
                base = SwiftNames.safeMemberName(title)
            } else if rawType == .int {
                base = value.hasPrefix("-") ? "minus" + value.dropFirst() : "value" + value
            } else {
                base = SwiftNames.safeMemberName(value)
            }
            let literal = rawType == .int ? String(Int(value)!) : SwiftLiteral.string(value)
            return EnumModel.Case(
                name: names.claim(base),
                literal: literal,
                value: value,
                documentation: item.documentation
            )
        }
        return EnumModel(rawType: rawType, cases: cases)
    }
}
