import SpecforgeModel

/// The contexts of the type templates: `Model` (object schemas), `Enum`, `Union` and
/// `TypeAlias`.
extension ViewModels {
    static func declaration(_ declaration: TypeDeclaration, header: [String: String]) -> (
        template: String, context: [String: Any]
    ) {
        var context: [String: Any] = header
        context["typeName"] = declaration.name
        // Deprecation is documented, not an attribute: the generated code itself must use the
        // declaration (initialisers, coding) without warnings.
        let documentation = DocComment.lines(
            declaration.documentation,
            DocComment.deprecation(declaration.deprecated)
        )
        context["documentation"] = documentation
        context["hasDocumentation"] = !documentation.isEmpty
        context["isDeprecated"] = declaration.deprecated
        switch declaration.kind {
        case .structure(let model):
            context.merge(structure(model), uniquingKeysWith: { _, new in new })
            return ("Model", context)
        case .openEnum(let model):
            context["rawType"] = model.rawType.rawValue
            context["hasCases"] = !model.cases.isEmpty
            let cases = model.cases.map { SwiftNames.escaped($0.name) }
            // The type's name is repeated in each case: a lookup that climbs to the enclosing
            // context costs twice as much.
            context["cases"] = zip(cases, model.cases).map { name, item -> [String: Any] in
                [
                    "name": name, "literal": item.literal, "typeName": declaration.name,
                    "documentation": DocComment.lines(item.documentation, indent: 4),
                ]
            }
            context["allCasesLiteral"] = "[" + cases.map { "." + $0 }.joined(separator: ", ") + "]"
            return ("Enum", context)
        case .union(let model):
            context.merge(union(model, name: declaration.name), uniquingKeysWith: { _, new in new })
            return ("Union", context)
        case .alias(let type):
            context["type"] = type.swift
            return ("TypeAlias", context)
        }
    }

    private static func structure(_ model: StructModel) -> [String: Any] {
        let properties = model.properties.enumerated().map { index, property -> [String: Any] in
            let name = SwiftNames.escaped(property.name)
            return [
                "name": name,
                "storedName": storedName(property),
                "isDeprecated": property.deprecated,
                "type": property.type.swift,
                "isOptional": property.type.isOptional,
                "isIndirect": property.indirect,
                "parameter": parameter(name, property.type, onlyValueCase: property.onlyValueCase)
                    + (index == model.properties.count - 1 ? "" : ","),
                "documentation": DocComment.lines(
                    property.documentation,
                    DocComment.deprecation(property.deprecated),
                    indent: 4
                ),
            ]
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
        var context: [String: Any] = [
            "properties": properties,
            "hasProperties": !properties.isEmpty,
            "fieldsLiteral": "[" + fields.joined(separator: ", ") + "]",
        ]
        if let item = model.pageItemType {
            context["pageItemType"] = item.swift
            // `next` may be absent or `null` (`String??`) or only one of them (`String?`).
            let next = model.properties.first { $0.wireName == "next" }
            context["nextPageURL"] = next?.type.isDoubleOptional == true ? "next ?? nil" : "next"
        }
        return context
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

    private static func union(_ model: UnionModel, name: String) -> [String: Any] {
        var context: [String: Any] = [
            "typeNameLiteral": SwiftLiteral.string(name),
            "isRecursive": model.isRecursive,
            "cases": positioned(
                model.cases.map { item -> [String: Any] in
                    [
                        "name": SwiftNames.escaped(item.name),
                        "nameLiteral": SwiftLiteral.string(item.name),
                        "type": item.type.swift,
                        "hasDiscriminatorValues": !item.discriminatorValues.isEmpty,
                        "discriminatorValues": positioned(
                            item.discriminatorValues.map { ["literal": SwiftLiteral.string($0)] }
                        ),
                        "keepsUnknownValues": item.keepsUnknownValues,
                    ]
                }
            ),
        ]
        if let open = model.cases.first(where: \.keepsUnknownValues) {
            context["firstOpenCase"] = ["name": SwiftNames.escaped(open.name), "type": open.type.swift]
        }
        if let property = model.discriminator {
            context["discriminator"] = ["propertyLiteral": SwiftLiteral.string(property)]
            context["branches"] = model.discriminatorBranches.map { branch -> [String: Any] in
                let alternatives = branch.caseIndices.map { model.cases[$0] }
                return [
                    "values": positioned(branch.values.map { ["literal": SwiftLiteral.string($0)] }),
                    "alternatives": positioned(
                        alternatives.map { ["name": SwiftNames.escaped($0.name), "type": $0.type.swift] }
                    ).map { item in item.merging(["isOnly": alternatives.count == 1]) { _, new in new } },
                    "isShared": alternatives.count > 1,
                    "alternativesLiteral": "["
                        + alternatives.map { "(\(SwiftLiteral.string($0.name)), \($0.type.swift).self)" }
                        .joined(separator: ", ") + "]",
                ]
            }
        }
        if let unknown = model.unknownCaseName { context["unknownCaseName"] = SwiftNames.escaped(unknown) }
        return context
    }
}
