import SpecforgeParser

/// What a property's or parameter's schema says beyond its type: constraints, `default` and
/// `example`. drf-spectacular often writes them beside a reference (`allOf: [$ref]` with
/// `maxLength`), and a reference to a constrained string carries its target's.
struct ValueAnnotations {
    var constraints = ValueConstraints()
    var defaultValue: String?
    var example: String?
}

extension TypeTranslator {
    func annotations(of schema: Schema) -> ValueAnnotations {
        // The schema's own keywords first, then its `allOf` members', then what the references
        // among them point to (`allOf: [$ref: Slug]` with a `maxLength` of its own keeps that
        // one and takes Slug's `pattern`).
        var sources = [schema] + schema.allOf
        for member in [schema] + schema.allOf {
            if let target = references.resolveSchema(member)?.schema, target !== member { sources.append(target) }
        }
        var result = ValueAnnotations()
        for source in sources {
            result.constraints = result.constraints.filling(from: ValueConstraints(source.constraints))
            result.defaultValue = result.defaultValue ?? source.defaultValue?.jsonText
            result.example = result.example ?? source.example?.jsonText
        }
        // A reference narrowed by its own `enum` (`{$ref: ChannelTypes, enum: [2]}`, or an
        // `allOf` member that lists values): an example must be one of those, not the first
        // value of the referenced enum.
        if result.example == nil, schema.reference != nil || !schema.allOf.isEmpty,
            let narrowed = ([schema] + schema.allOf).lazy.compactMap(\.enumValues).first,
            let first = narrowed.first(where: { $0.scalar?.isNull != true })
        {
            result.example = first.jsonText
        }
        return result
    }

    /// `additionalProperties` as `StructModel` reports it.
    func additionalPropertiesSummary(_ schema: Schema) -> String? {
        switch schema.additionalProperties {
        case .unspecified: return nil
        case .allowed(let allowed): return allowed ? "true" : "false"
        case .schema(let values):
            if let reference = values.reference { return "$ref: \(reference.suggestedName)" }
            return values.types.joined(separator: " | ").nilIfEmpty ?? "any"
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension ValueConstraints {
    /// The model's constraints from the keywords the parser read.
    init(_ parsed: SchemaConstraints) {
        self.init()
        minimum = parsed.minimum
        maximum = parsed.maximum
        exclusiveMinimum = parsed.exclusiveMinimum
        exclusiveMaximum = parsed.exclusiveMaximum
        multipleOf = parsed.multipleOf
        minLength = parsed.minLength
        maxLength = parsed.maxLength
        pattern = parsed.pattern
        minItems = parsed.minItems
        maxItems = parsed.maxItems
        uniqueItems = parsed.uniqueItems
        minProperties = parsed.minProperties
        maxProperties = parsed.maxProperties
    }
}
