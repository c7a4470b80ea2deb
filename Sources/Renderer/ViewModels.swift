import SpecforgeModel

/// Turns the intermediate model into the plain dictionaries the templates print.
///
/// Only presentation happens here (escaping, literals, doc-comment lines, commas); every
/// semantic decision was made by the model stage.
enum ViewModels {
    static func header(_ model: ClientModel) -> [String: String] {
        ["title": DocComment.singleLine(model.title), "version": DocComment.singleLine(model.version)]
    }

    // MARK: - Types

    static func declaration(_ declaration: TypeDeclaration, header: [String: String]) -> (
        template: String, context: [String: Any]
    ) {
        var context: [String: Any] = header
        context["name"] = declaration.name
        // Deprecation is documented, not an attribute: the generated code itself must use the
        // declaration (initialisers, coding) without warnings.
        let documentation = DocComment.lines(
            declaration.documentation,
            DocComment.deprecation(declaration.deprecated)
        )
        context["documentation"] = documentation
        context["hasDocumentation"] = !documentation.isEmpty
        switch declaration.kind {
        case .structure(let model):
            context.merge(structure(model, name: declaration.name), uniquingKeysWith: { _, new in new })
            return ("Model", context)
        case .openEnum(let model):
            context["rawType"] = model.rawType.rawValue
            context["hasCases"] = !model.cases.isEmpty
            context["allCasesLines"] = SwiftLayout.collection(
                "public static let allCases: [\(declaration.name)] = ",
                model.cases.map { ["." + SwiftNames.escaped($0.name)] },
                indent: 4
            )
            context["cases"] = model.cases.enumerated().map { index, item -> [String: Any] in
                [
                    "name": SwiftNames.escaped(item.name), "literal": item.literal, "typeName": declaration.name,
                    "isFirst": index == 0,
                ]
            }
            return ("Enum", context)
        case .union(let model):
            context.merge(union(model), uniquingKeysWith: { _, new in new })
            return ("Union", context)
        case .alias(let type):
            context["type"] = type.swift
            return ("TypeAlias", context)
        }
    }

    private static func structure(_ model: StructModel, name: String) -> [String: Any] {
        let properties = model.properties.enumerated().map { index, property -> [String: Any] in
            let name = SwiftNames.escaped(property.name)
            let isLast = index == model.properties.count - 1
            return [
                "name": name,
                "type": property.type.swift,
                "isOptional": property.type.isOptional,
                "declaration": (property.indirect ? "@Indirect " : "") + "public var \(name): \(property.type.swift)",
                "parameter": parameter(name, property.type, separator: isLast ? "" : ","),
                "documentation": DocComment.lines(
                    property.documentation,
                    DocComment.deprecation(property.deprecated),
                    indent: 4
                ),
            ]
        }
        var context: [String: Any] = [
            "properties": properties,
            "hasProperties": !properties.isEmpty,
            "fieldsLines": SwiftLayout.collection(
                "public static let fields: [ModelField<\(name)>] = ",
                model.properties.map {
                    // A required property that may be null is always sent, `nil` as `null`.
                    let required = $0.required && $0.type.isOptional ? ", required: true" : ""
                    return [
                        "ModelField(\(SwiftLiteral.string($0.wireName)), \\.\(SwiftNames.escaped($0.name))\(required))"
                    ]
                },
                indent: 4
            ),
        ]
        if let item = model.pageItemType {
            context["pageItemType"] = item.swift
            // `next` may be absent or `null` (`String??`) or only one of them (`String?`).
            let next = model.properties.first { $0.wireName == "next" }
            context["nextPageURL"] = next?.type.isDoubleOptional == true ? "next ?? nil" : "next"
        }
        return context
    }

    /// An argument as declared in a parameter list, its separating comma included. Printed
    /// whole rather than from `name`, `type` and `isOptional`: every variable a template looks
    /// up costs swift-mustache several dynamic casts, and model properties are the bulk of them.
    static func parameter(_ name: String, _ type: TypeRef, separator: String) -> String {
        "\(name): \(type.swift)" + (type.isOptional ? " = nil" : "") + separator
    }

    private static func union(_ model: UnionModel) -> [String: Any] {
        var context: [String: Any] = [
            "cases": model.cases.map { item -> [String: Any] in
                [
                    "name": SwiftNames.escaped(item.name),
                    "type": item.type.swift,
                    "hasDiscriminatorValues": !item.discriminatorValues.isEmpty,
                    "discriminatorLiterals": item.discriminatorValues.map(SwiftLiteral.string).joined(separator: ", "),
                ]
            },
            "caseTypes": model.cases.map(\.type.swift).joined(separator: ", "),
        ]
        if let property = model.discriminator {
            context["discriminator"] = ["propertyLiteral": SwiftLiteral.string(property)]
        }
        return context
    }

    // MARK: - API groups

    static func group(_ group: APIGroup, header: [String: String], commonSecurity: [[String]]?) -> [String: Any] {
        var context: [String: Any] = header
        context["typeName"] = group.typeName
        context["tag"] = DocComment.singleLine(group.tag).replacingBackticks
        context["documentation"] = DocComment.lines(
            group.description ?? "The `\(DocComment.singleLine(group.tag).replacingBackticks)` operations."
        )
        context["operations"] = group.operations.enumerated().map { index, operation in
            var item = self.operation(operation, commonSecurity: commonSecurity)
            item["isFirst"] = index == 0
            return item
        }
        return context
    }

    private static func operation(_ operation: OperationModel, commonSecurity: [[String]]?) -> [String: Any] {
        let arguments = Arguments(operation)
        var context: [String: Any] = [
            "name": SwiftNames.escaped(operation.name),
            "bareName": operation.name,
            "documentation": operationDocumentation(operation, arguments: arguments),
            "deprecated": operation.deprecated,
            "arguments": arguments.declarations,
            "argumentList": arguments.endpointValues.joined(separator: ", "),
            "argumentLines": SwiftLayout.collection("", arguments.endpointValues.map { [$0] }, indent: 12, tail: ","),
            "isInline": isInlineCall(operation, arguments),
            "returnType": operation.returnType?.unwrapped.swift ?? "Void",
            "idLiteral": SwiftLiteral.string(operation.operationId),
            "method": operation.method,
            "methodUpper": operation.method.uppercased(),
            "pathLiteral": SwiftLiteral.string(operation.path),
            "pathComment": DocComment.singleLine(operation.path).replacingBackticks,
            "endpointLines": endpointLines(operation, commonSecurity: commonSecurity),
        ]
        if let body = operation.body { context["bodyName"] = SwiftNames.escaped(body.parameterName) }
        if operation.pageItemType != nil, operation.body == nil {
            context["pageItemType"] = true
            context["pageArguments"] = arguments.pageDeclarations
            context["pageCallLines"] = SwiftLayout.call(
                "try await self.\(SwiftNames.escaped(operation.name))",
                arguments.pageCall + ["options: options"],
                indent: 12
            )
        }
        return context
    }

    /// Short calls stay on one line; long ones get one argument per line.
    private static func isInlineCall(_ operation: OperationModel, _ arguments: Arguments) -> Bool {
        let values = "[" + arguments.endpointValues.joined(separator: ", ") + "]"
        let body = operation.body.map { ["body: \(SwiftNames.escaped($0.parameterName))"] } ?? []
        let call = ["Self.\(operation.name)Endpoint", values] + body + ["options: options"]
        return SwiftLayout.call("try await self.session.send", call, indent: 8).count == 1
    }

    /// The arguments of `Endpoint(...)` after `path:`, laid out.
    private static func endpointLines(_ operation: OperationModel, commonSecurity: [[String]]?) -> [String] {
        var lines: [String] = []
        if !operation.parameters.isEmpty {
            lines += SwiftLayout.collection(
                "parameters: ",
                operation.parameters.map(endpointParameter),
                indent: 8,
                tail: ","
            )
        }
        if let contentTypes = operation.body?.contentTypes, !contentTypes.isEmpty {
            lines += SwiftLayout.collection(
                "requestContentTypes: ",
                contentTypes.map { [SwiftLiteral.string($0)] },
                indent: 8,
                tail: ","
            )
        }
        if let formEncoding = operation.body?.formEncoding {
            lines += formEncodingLines(formEncoding)
        }
        if !operation.responses.isEmpty {
            lines += SwiftLayout.collection(
                "responses: ",
                operation.responses.map(endpointResponse),
                indent: 8,
                tail: ","
            )
        }
        if operation.security == commonSecurity {
            lines.append("        security: ApiClient.commonSecurity")
        } else {
            lines += securityLines("security: ", operation.security, indent: 8)
        }
        return lines
    }

    /// The security requirements that most operations list, when several share one: printed once
    /// in `ApiClient` and referred to by each endpoint. A list repeated in every endpoint is
    /// a few arrays built per operation, which the compiler turns into code every time.
    static func commonSecurity(_ model: ClientModel) -> [[String]]? {
        var counts: [[[String]]: Int] = [:]
        var firstSeen: [[[String]]] = []
        for operation in model.groups.flatMap(\.operations) where !operation.security.isEmpty {
            if counts[operation.security] == nil { firstSeen.append(operation.security) }
            counts[operation.security, default: 0] += 1
        }
        // The first of the most used lists, so the choice does not depend on hashing order.
        guard let common = firstSeen.max(by: { counts[$0]! < counts[$1]! }), counts[common]! > 1 else { return nil }
        return common
    }

    private static func securityLines(_ head: String, _ security: [[String]], indent: Int) -> [String] {
        let alternatives = security.map { alternative in
            SwiftLayout.collection("", alternative.map { [SwiftLiteral.string($0)] }, indent: 0)
        }
        return SwiftLayout.collection(head, alternatives, indent: indent)
    }

    /// `formEncoding: FormEncoding(arrayStyle: .indexed, properties: [...])`, laid out.
    private static func formEncodingLines(_ encoding: FormEncodingModel) -> [String] {
        var arguments: [String] = []
        if encoding.arrayStyle != .repeated { arguments.append("arrayStyle: .\(encoding.arrayStyle.rawValue)") }
        let entries = encoding.properties.map { property -> [String] in
            var values: [String] = []
            if let style = property.arrayStyle { values.append("arrayStyle: .\(style.rawValue)") }
            if let type = property.contentType { values.append("contentType: \(SwiftLiteral.string(type))") }
            return SwiftLayout.element("\(SwiftLiteral.string(property.wireName)): .init", values, indent: 16)
        }
        let dictionary = entries.isEmpty ? [] : SwiftLayout.collection("properties: ", entries, indent: 12)
        if dictionary.count <= 1 {
            let inline = arguments + dictionary.map { String($0.dropFirst(12)) }
            return SwiftLayout.call("formEncoding: FormEncoding", inline, indent: 8, tail: ",")
        }
        return ["        formEncoding: FormEncoding("] + arguments.map { "            \($0)," } + dictionary
            + ["        ),"]
    }

    private static func endpointParameter(_ parameter: ParameterModel) -> [String] {
        var arguments = [
            SwiftLiteral.string(parameter.wireName), "in: .\(parameter.location.rawValue)",
            "type: \(SwiftLiteral.string(parameter.type.swift))",
        ]
        if parameter.required { arguments.append("required: true") }
        if let style = parameter.style { arguments.append("style: .\(style)") }
        if let explode = parameter.explode { arguments.append("explode: \(explode)") }
        return SwiftLayout.element(".init", arguments, indent: 12)
    }

    private static func endpointResponse(_ response: ResponseModel) -> [String] {
        var arguments = [SwiftLiteral.string(response.status)]
        if let contentType = response.contentType {
            arguments.append("contentType: \(SwiftLiteral.string(contentType))")
        }
        if let type = response.type { arguments.append("type: \(SwiftLiteral.string(type.unwrapped.swift))") }
        if response.isPrimary { arguments.append("isPrimary: true") }
        return SwiftLayout.element(".init", arguments, indent: 12)
    }

    private static func operationDocumentation(_ operation: OperationModel, arguments: Arguments) -> [String] {
        var lines = DocComment.lines(operation.summary, operation.description, indent: 4)
        if !lines.isEmpty { lines.append("///") }
        lines.append(
            "/// `\(operation.method.uppercased()) \(DocComment.singleLine(operation.path).replacingBackticks)`"
        )
        lines.append("///")
        lines.append("/// - Parameters:")
        for (name, documentation) in arguments.documentation {
            let text = DocComment.singleLine(documentation ?? "")
                .ifEmpty(name == arguments.bodyName ? "The request body." : "")
            let line = "  - \(name):" + (text.isEmpty ? "" : " " + text)
            lines += DocComment.wrap(line, width: DocComment.width - 8, continuationIndent: "    ").map { "/// " + $0 }
        }
        lines.append("///   - options: Per-call options: response parsing, status checks, timeout, content type.")
        let returned = operation.returnType.map { "`\($0.unwrapped.swift)`" } ?? "no body"
        lines.append("/// - Returns: The parsed \(returned) and the raw response.")
        return lines
    }

    // MARK: - Client

    static func apiClient(_ model: ClientModel, header: [String: String]) -> [String: Any] {
        var context: [String: Any] = header
        if let common = commonSecurity(model) {
            context["commonSecurity"] = [
                "lines": securityLines("public static let commonSecurity: [[String]] = ", common, indent: 4)
            ]
        }
        context["groups"] = model.groups.map { group -> [String: Any] in
            [
                "typeName": group.typeName, "propertyName": group.propertyName,
                "tag": DocComment.singleLine(group.tag).replacingBackticks,
            ]
        }
        context["exampleGroup"] = model.groups.first?.propertyName
        let schemes = model.securitySchemes.map { scheme -> [String] in
            var arguments = [SwiftLiteral.string(scheme.name), securityKind(scheme)]
            if let prefix = scheme.prefix { arguments.append("prefix: \(SwiftLiteral.string(prefix))") }
            return SwiftLayout.element("SecuritySchemeSpec", arguments, indent: 8)
        }
        context["securitySchemeLines"] = SwiftLayout.collection(
            "public static let securitySchemes: [SecuritySchemeSpec] = ",
            schemes,
            indent: 4
        )
        if let server = model.serverURL {
            context["serverLiteral"] = "URL(string: \(SwiftLiteral.string(server)))"
        }
        return context
    }

    private static func securityKind(_ scheme: SecuritySchemeModel) -> String {
        switch scheme.kind {
        case .httpBasic: return ".httpBasic"
        case .httpBearer: return ".httpBearer"
        case .apiKey:
            let name = SwiftLiteral.string(scheme.parameterName ?? "")
            return ".apiKey(name: \(name), location: .\(scheme.location?.rawValue ?? "header"))"
        }
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String {
        isEmpty ? replacement : self
    }

    /// Text shown inside a doc-comment code span must not end the span.
    var replacingBackticks: String {
        String(map { $0 == "`" ? "'" : $0 })
    }
}
