import SpecforgeModel

/// The context of the `ApiClient` template: the client that groups every API.
extension ViewModels {
    static func apiClient(_ model: ClientModel, header: HeaderContext) -> ApiClientContext {
        var context = ApiClientContext(
            header: header,
            groups: model.groups.map {
                .init(
                    typeName: $0.typeName,
                    propertyName: $0.propertyName,
                    tag: DocComment.singleLine($0.tag).replacingBackticks
                )
            },
            exampleGroup: model.groups.first?.propertyName,
            securitySchemes: Positioned.list(model.securitySchemes.map(securityScheme)),
            commonSecurityLiteral: commonSecurity(model).map(securityLiteral),
            serverLiteral: model.serverURL.map(SwiftLiteral.string)
        )
        if let template = model.serverTemplate {
            // `"https://\(hostname)/v1"`: each `{variable}` becomes an interpolation.
            context.serverInterpolation = model.serverVariables.reduce(SwiftLiteral.string(template)) {
                let value = SwiftNames.escaped($1.name) + ($1.enumName == nil ? "" : ".rawValue")
                return $0.replacingOccurrences(of: "{\($1.wireName)}", with: "\\(\(value))")
            }
            context.serverTemplateComment = DocComment.singleLine(template).replacingBackticks
            context.serverVariables = Positioned.list(model.serverVariables.map(serverVariable))
        }
        return context
    }

    private static func serverVariable(_ variable: ServerVariableModel) -> ApiClientContext.ServerVariable {
        let name = SwiftNames.escaped(variable.name)
        var text = DocComment.singleLine(variable.description ?? "").ifEmpty("The `{\(variable.wireName)}` part.")
        if !variable.allowed.isEmpty {
            text +=
                " One of "
                + variable.allowed.map { "`\(DocComment.singleLine($0).replacingBackticks)`" }
                .joined(separator: ", ") + "."
        }
        var context = ApiClientContext.ServerVariable(
            name: name,
            parameter: "\(name): String = \(SwiftLiteral.string(variable.defaultValue))",
            documentation: DocComment.wrap(
                "  - \(variable.name): " + text,
                width: DocComment.width - 8,
                continuationIndent: "    "
            )
            .map { "/// " + $0 }
        )
        if let enumName = variable.enumName {
            let defaultCase = variable.cases.first { $0.value == variable.defaultValue }?.name ?? ""
            context.parameter = "\(name): \(enumName) = .\(SwiftNames.escaped(defaultCase))"
            context.valueEnum = .init(
                name: enumName,
                wireNameComment: DocComment.singleLine(variable.wireName).replacingBackticks,
                cases: variable.cases.map { item in
                    let name = SwiftNames.escaped(item.name)
                    // `case eu`, or `case apiExampleCom = "api.example.com"` where the name differs.
                    return .init(declaration: item.name == item.value ? name : "\(name) = \(item.literal)")
                }
            )
        }
        return context
    }

    private static func securityScheme(_ scheme: SecuritySchemeModel) -> ApiClientContext.SecurityScheme {
        var context = ApiClientContext.SecurityScheme(
            nameLiteral: SwiftLiteral.string(scheme.name),
            kind: "",
            prefixLiteral: scheme.prefix.map(SwiftLiteral.string)
        )
        switch scheme.kind {
        case .httpBasic: context.kind = "httpBasic"
        case .httpBearer: context.kind = "httpBearer"
        case .apiKey:
            context.kind = "apiKey"
            context.apiKey = .init(
                parameterNameLiteral: SwiftLiteral.string(scheme.parameterName ?? ""),
                location: scheme.location?.rawValue ?? "header"
            )
        }
        return context
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
}
