import SpecforgeModel

/// The contexts of the type templates: `Model` (object schemas), `Enum`, `Union` and
/// `TypeAlias`.
extension ViewModels {
    static func declaration(_ declaration: TypeDeclaration, header: HeaderContext) -> (
        template: String, context: any TypedContext
    ) {
        // Deprecation is documented, not an attribute: the generated code itself must use the
        // declaration (initialisers, coding) without warnings.
        let base = DeclarationContext(
            typeName: declaration.name,
            documentation: DocComment.lines(declaration.documentation, DocComment.deprecation(declaration.deprecated)),
            isDeprecated: declaration.deprecated
        )
        switch declaration.kind {
        case .structure(let model):
            return ("Model", structure(model, header: header, declaration: base))
        case .openEnum(let model):
            let cases = model.cases.map { SwiftNames.escaped($0.name) }
            let context = EnumContext(
                header: header,
                declaration: base,
                rawType: model.rawType.rawValue,
                // The type's name is repeated in each case: a lookup that climbs to the
                // enclosing context costs twice as much.
                cases: zip(cases, model.cases).map { name, item in
                    EnumContext.Case(
                        name: name,
                        literal: item.literal,
                        typeName: declaration.name,
                        documentation: DocComment.lines(item.documentation, indent: 4)
                    )
                },
                allCasesLiteral: "[" + cases.map { "." + $0 }.joined(separator: ", ") + "]"
            )
            return ("Enum", context)
        case .union(let model):
            return ("Union", union(model, header: header, declaration: base))
        case .alias(let type):
            return ("TypeAlias", TypeAliasContext(header: header, declaration: base, type: type.swift))
        }
    }

    private static func structure(_ model: StructModel, header: HeaderContext, declaration: DeclarationContext)
        -> ModelContext
    {
        let properties = model.properties.enumerated().map { index, property in
            let name = SwiftNames.escaped(property.name)
            return ModelContext.Property(
                name: name,
                storedName: storedName(property),
                isDeprecated: property.deprecated,
                type: property.type.swift,
                isOptional: property.type.isOptional,
                isIndirect: property.indirect,
                parameter: parameter(name, property.type, onlyValueCase: property.onlyValueCase)
                    + (index == model.properties.count - 1 ? "" : ","),
                documentation: DocComment.lines(
                    property.documentation,
                    DocComment.deprecation(property.deprecated),
                    indent: 4
                )
            )
        }
        let fields = model.properties.map { property in
            // A required property that may be null is always sent, `nil` as `null`.
            let required = property.required && property.type.isOptional ? ", required: true" : ""
            let rules =
                RulesLiteral.rules(property.checkedConstraints, nested: property.validatesNested)
                .map { ", rules: \($0)" } ?? ""
            return
                "ModelField(\(SwiftLiteral.string(property.wireName)), \\.\(storedName(property))\(required)\(rules))"
        }
        return ModelContext(
            header: header,
            declaration: declaration,
            properties: properties,
            fieldsLiteral: "[" + fields.joined(separator: ", ") + "]",
            pageItemType: model.pageItemType?.swift,
            nextPageURL: model.nextPageURLExpression
        )
    }

    /// Where a property's value is stored: the property itself, or for a deprecated one an
    /// internal `_name` behind a deprecated `name`, so that callers are warned and the model's
    /// own code (initialisers, `fields`) is not.
    private static func storedName(_ property: PropertyModel) -> String {
        property.deprecated ? "_" + property.name : SwiftNames.escaped(property.name)
    }

    /// A parameter as declared: `name: Type`, with `= nil` for an optional. Printed whole
    /// rather than from `name`, `type` and `isOptional` in the template: every variable a
    /// template looks up costs swift-mustache several dynamic casts, and model properties and
    /// method arguments are the bulk of them (spelling it out in the templates made Stripe's
    /// generation 20% slower).
    static func parameter(_ name: String, _ type: TypeRef, onlyValueCase: String? = nil) -> String {
        if let onlyValueCase { return "\(name): \(type.swift) = .\(SwiftNames.escaped(onlyValueCase))" }
        return "\(name): \(type.swift)" + (type.isOptional ? " = nil" : "")
    }

    private static func union(_ model: UnionModel, header: HeaderContext, declaration: DeclarationContext)
        -> UnionContext
    {
        func literals(_ values: [String]) -> [Positioned<UnionContext.Literal>] {
            Positioned.list(values.map { UnionContext.Literal(literal: SwiftLiteral.string($0)) })
        }
        let cases = model.cases.map { item in
            UnionContext.Case(
                name: SwiftNames.escaped(item.name),
                nameLiteral: SwiftLiteral.string(item.name),
                type: item.type.swift,
                discriminatorValues: literals(item.discriminatorValues),
                keepsUnknownValues: item.keepsUnknownValues
            )
        }
        let branches = model.discriminator.map { _ in
            model.discriminatorBranches.map { branch in
                let alternatives = branch.caseIndices.map { model.cases[$0] }
                return UnionContext.Branch(
                    values: literals(branch.values),
                    alternatives: Positioned.list(
                        alternatives.map {
                            .init(
                                name: SwiftNames.escaped($0.name),
                                type: $0.type.swift,
                                isOnly: alternatives.count == 1
                            )
                        }
                    ),
                    alternativesLiteral: "["
                        + alternatives.map { "(\(SwiftLiteral.string($0.name)), \($0.type.swift).self)" }
                        .joined(separator: ", ") + "]"
                )
            }
        }
        return UnionContext(
            header: header,
            declaration: declaration,
            cases: Positioned.list(cases),
            firstOpenCase: model.cases.first(where: \.keepsUnknownValues).map {
                .init(name: SwiftNames.escaped($0.name), type: $0.type.swift)
            },
            branches: branches,
            discriminator: model.discriminator.map { .init(propertyLiteral: SwiftLiteral.string($0)) },
            typeNameLiteral: SwiftLiteral.string(declaration.typeName),
            isRecursive: model.isRecursive,
            unknownCaseName: model.unknownCaseName.map(SwiftNames.escaped)
        )
    }
}
