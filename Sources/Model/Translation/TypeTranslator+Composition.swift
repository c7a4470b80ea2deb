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
                // Not required and nullable: `T??`, so that absent and `null` stay apart (PATCH
                // bodies need both; see the runtime's NullablePropertyCoding).
                type: isRequired ? type : .optional(type),
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
        if let merged = mergedStringEnum(values) {
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
        case .named(let name): return SwiftNames.lowercaseFirst(name)
        case .array(let element): return caseName(for: element) + "List"
        case .map(let value): return caseName(for: value) + "Map"
        case .optional(let wrapped): return caseName(for: wrapped)
        default: return SwiftNames.lowercaseFirst(type.swift)
        }
    }

    /// `oneOf` of string enums only (such as `[StatusEnum, BlankEnum]`) is one open enum with
    /// every value: open enums already accept anything, so nothing is lost.
    private func mergedStringEnum(_ members: [Schema]) -> EnumModel? {
        var values: [String] = []
        for member in members {
            guard let resolved = references.resolveSchema(member)?.schema, let enumValues = resolved.enumValues,
                resolved.types.isEmpty || resolved.types.contains("string")
            else { return nil }
            for value in enumValues {
                guard let scalar = value.scalar else { return nil }
                if scalar.isNull { continue }
                if !values.contains(scalar.value) { values.append(scalar.value) }
            }
        }
        return enumModel(values: values, rawType: .string)
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
        let key = rawType.rawValue + "\u{0}" + values.joined(separator: "\u{0}")
        if let known = enumModels[key] { return known }
        let model = makeEnumModel(values: values, rawType: rawType)
        enumModels[key] = model
        return model
    }

    private func makeEnumModel(values: [String], rawType: EnumModel.RawType) -> EnumModel {
        var names = UniqueNames(reserved: SwiftNames.reservedMembers)
        let cases = values.map { value -> EnumModel.Case in
            let base: String
            if rawType == .int {
                base = value.hasPrefix("-") ? "minus" + value.dropFirst() : "value" + value
            } else {
                base = SwiftNames.safeMemberName(value)
            }
            let literal = rawType == .int ? String(Int(value)!) : SwiftLiteral.string(value)
            return EnumModel.Case(name: names.claim(base), literal: literal, value: value)
        }
        return EnumModel(rawType: rawType, cases: cases)
    }
}
