import SpecforgeDiagnostics

/// Builds `Schema` values from nodes (any file, any position).
struct SchemaParser {
    /// Unowned: the loader keeps its parsers (one per file), so a strong reference would be a cycle.
    unowned let loader: DocumentLoader
    let reader: NodeReader
    let references: ReferenceMaker
    /// OpenAPI 3.1 documents use JSON Schema 2020-12: `$ref` siblings apply, types may be lists.
    let isOpenAPI31: Bool

    func parse(_ node: Node, at pointer: String) -> Schema {
        if let flag = node.scalar?.bool {
            // JSON Schema allows `true` (anything) and `false` (nothing) as schemas.
            return Self.empty(at: node, pointer: pointer, types: flag ? [] : ["null"])
        }
        guard let map = reader.mapping(node, at: pointer, expected: "a schema") else {
            return Self.empty(at: node, pointer: pointer, types: [])
        }
        var reference: Reference?
        if let refNode = map["$ref"] {
            reference = references.make(refNode, at: JSONPointer.appending(pointer, "$ref"))
            if !isOpenAPI31, reference != nil {
                // 3.0: "This object cannot be extended with additional properties and any
                // properties added SHALL be ignored." Keep the annotations only.
                return referenceOnly(reference!, map: map, node: node, pointer: pointer)
            }
        }
        var types = typeList(map, at: pointer)
        var nullable = reader.bool(map, "nullable", at: pointer) ?? false
        if types.contains("null") { nullable = true }
        let enumValues = map["enum"].flatMap {
            reader.sequence($0, at: JSONPointer.appending(pointer, "enum"), expected: "'enum'")
        }
        if let values = enumValues, values.contains(where: { $0.scalar?.isNull == true }) { nullable = true }
        if types.isEmpty, map["properties"] != nil { types = ["object"] }
        return Schema(
            reference: reference,
            types: types,
            format: reader.string(map, "format", at: pointer),
            nullable: nullable,
            enumValues: enumValues,
            constValue: map["const"],
            properties: properties(map, at: pointer),
            required: reader.strings(map, "required", at: pointer),
            additionalProperties: additionalProperties(map, at: pointer),
            items: map["items"].map { parse($0, at: JSONPointer.appending(pointer, "items")) },
            allOf: list(map, "allOf", at: pointer),
            oneOf: list(map, "oneOf", at: pointer),
            anyOf: list(map, "anyOf", at: pointer),
            discriminator: discriminator(map, at: pointer),
            title: reader.text(map, "title", at: pointer),
            description: reader.text(map, "description", at: pointer),
            readOnly: reader.bool(map, "readOnly", at: pointer) ?? false,
            writeOnly: reader.bool(map, "writeOnly", at: pointer) ?? false,
            deprecated: reader.bool(map, "deprecated", at: pointer) ?? false,
            defaultValue: map["default"],
            constraints: constraints(map, at: pointer),
            example: map["example"] ?? map["examples"]?.sequence?.first,
            location: node.location,
            pointer: pointer
        )
    }

    private func constraints(_ map: Mapping, at pointer: String) -> SchemaConstraints {
        var constraints = SchemaConstraints()
        constraints.minimum = reader.number(map, "minimum", at: pointer)
        constraints.maximum = reader.number(map, "maximum", at: pointer)
        // 3.0 flags the bound as exclusive; 3.1 (JSON Schema 2020-12) gives the bound itself.
        for (key, bound, flag) in [
            ("exclusiveMinimum", \SchemaConstraints.minimum, \SchemaConstraints.exclusiveMinimum),
            ("exclusiveMaximum", \SchemaConstraints.maximum, \SchemaConstraints.exclusiveMaximum),
        ] {
            guard let node = map[key] else { continue }
            if let flagged = node.scalar?.bool {
                constraints[keyPath: flag] = flagged
            } else if let value = reader.number(map, key, at: pointer) {
                constraints[keyPath: bound] = value
                constraints[keyPath: flag] = true
            }
        }
        constraints.multipleOf = reader.number(map, "multipleOf", at: pointer)
        constraints.minLength = reader.count(map, "minLength", at: pointer)
        constraints.maxLength = reader.count(map, "maxLength", at: pointer)
        constraints.pattern = reader.text(map, "pattern", at: pointer)
        constraints.minItems = reader.count(map, "minItems", at: pointer)
        constraints.maxItems = reader.count(map, "maxItems", at: pointer)
        constraints.uniqueItems = map["uniqueItems"]?.scalar?.bool ?? false
        constraints.minProperties = reader.count(map, "minProperties", at: pointer)
        constraints.maxProperties = reader.count(map, "maxProperties", at: pointer)
        return constraints
    }

    private func referenceOnly(_ reference: Reference, map: Mapping, node: Node, pointer: String) -> Schema {
        .bare(
            reference: reference,
            description: reader.text(map, "description", at: pointer),
            at: node.location,
            pointer: pointer
        )
    }

    static func empty(at node: Node, pointer: String, types: [String]) -> Schema {
        .bare(types: types, at: node.location, pointer: pointer)
    }

    private func typeList(_ map: Mapping, at pointer: String) -> [String] {
        guard let node = map["type"] else { return [] }
        if let text = node.scalar?.value { return [text] }
        if node.sequence != nil { return reader.strings(map, "type", at: pointer) }
        reader.diagnostics.error(
            "'type' must be a string or a list of strings, found \(node.kindName)",
            at: node.location,
            pointer: JSONPointer.appending(pointer, "type")
        )
        return []
    }

    private func properties(_ map: Mapping, at pointer: String) -> [(name: String, schema: Schema)] {
        let base = JSONPointer.appending(pointer, "properties")
        // Split documents sometimes keep a whole `properties` map in another file; its own
        // references are relative to that file.
        if let node = map["properties"], node["$ref"] != nil, node.mapping?.count == 1 {
            guard let target = loader.parser(for: references.file).resolvingReference(node, at: base),
                let entries = reader.mapping(target.node, at: target.pointer, expected: "'properties'")?.entries
            else { return [] }
            return entries.map { entry in
                (
                    entry.key,
                    target.parser.schemas.parse(entry.value, at: JSONPointer.appending(target.pointer, entry.key))
                )
            }
        }
        return reader.entries(map, "properties", at: pointer).map { entry in
            (entry.key, parse(entry.value, at: JSONPointer.appending(base, entry.key)))
        }
    }

    private func additionalProperties(_ map: Mapping, at pointer: String) -> Schema.AdditionalProperties {
        guard let node = map["additionalProperties"] else { return .unspecified }
        if let flag = node.scalar?.bool { return .allowed(flag) }
        return .schema(parse(node, at: JSONPointer.appending(pointer, "additionalProperties")))
    }

    private func list(_ map: Mapping, _ key: String, at pointer: String) -> [Schema] {
        guard let node = map[key] else { return [] }
        let base = JSONPointer.appending(pointer, key)
        guard let items = reader.sequence(node, at: base, expected: "'\(key)'") else { return [] }
        return items.enumerated().map { index, item in parse(item, at: JSONPointer.appending(base, String(index))) }
    }

    private func discriminator(_ map: Mapping, at pointer: String) -> Schema.Discriminator? {
        guard let node = map["discriminator"] else { return nil }
        let base = JSONPointer.appending(pointer, "discriminator")
        guard let body = reader.mapping(node, at: base, expected: "'discriminator'") else { return nil }
        guard let property = reader.string(body, "propertyName", at: base) else {
            reader.diagnostics.error("'discriminator' needs a 'propertyName'", at: node.location, pointer: base)
            return nil
        }
        let mapping = reader.entries(body, "mapping", at: base).compactMap { entry -> (String, Reference)? in
            guard
                let reference = references.make(
                    entry.value,
                    at: JSONPointer.appending(base, "mapping/\(entry.key)"),
                    bareName: true
                )
            else { return nil }
            return (entry.key, reference)
        }
        return Schema.Discriminator(propertyName: property, mapping: mapping)
    }
}
