import SpecforgeParser

extension OperationTranslator {
    /// How a form request body names its fields, or `nil` when it has no form content type or
    /// nothing differs from an HTML form's defaults (arrays as repeated names).
    ///
    /// For each property, the first that says something wins: the configuration's
    /// `forms.properties` entry (`DataRequest.client_files: indexed`), the schema's `encoding`
    /// object (`explode: false` → one comma-separated field, `contentType` → the parts' type),
    /// then the configuration's `forms.arrays`.
    func formEncoding(of body: RequestBody) -> FormEncodingModel? {
        guard let form = body.content.first(where: { Self.isForm($0.contentType) }) else { return nil }
        let resolved = form.schema.flatMap(references.resolveSchema)
        let schemaName = resolved?.reference?.suggestedName
        let propertyNames = resolved.map { Self.propertyNames(of: $0.schema, references: references) } ?? []
        let encodings = Dictionary(
            form.encoding.map { ($0.property, $0.encoding) },
            uniquingKeysWith: { first, _ in first }
        )

        var properties: [FormEncodingModel.Property] = []
        for name in propertyNames + encodings.keys.sorted().filter({ !propertyNames.contains($0) }) {
            let encoding = encodings[name]
            var style: FormEncodingModel.ArrayStyle?
            if let schemaName, let configured = options.formArrayStyles["\(schemaName).\(name)"] {
                style = configured
            } else if let explode = encoding?.explode {
                style = explode ? .repeated : .commaSeparated
            } else if encoding?.style == "deepObject" {
                style = .indexed
            }
            let contentType = encoding?.contentType
            if style == options.formArrayStyle { style = nil }
            if style != nil || contentType != nil {
                properties.append(
                    FormEncodingModel.Property(wireName: name, arrayStyle: style, contentType: contentType)
                )
            }
        }
        let model = FormEncodingModel(arrayStyle: options.formArrayStyle, properties: properties)
        return model == FormEncodingModel(arrayStyle: .repeated, properties: []) ? nil : model
    }

    static func isForm(_ contentType: String) -> Bool {
        let essence = (contentType.split(separator: ";").first ?? "").filter { $0 != " " }.lowercased()
        return essence == "multipart/form-data" || essence == "application/x-www-form-urlencoded"
    }

    /// The properties of an object schema, `allOf` members included, in schema order.
    private static func propertyNames(of schema: Schema, references: ResolvedDocument) -> [String] {
        var names: [String] = []
        for member in schema.allOf {
            if let resolved = references.resolveSchema(member) {
                names += propertyNames(of: resolved.schema, references: references)
            }
        }
        names += schema.properties.map(\.name)
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
