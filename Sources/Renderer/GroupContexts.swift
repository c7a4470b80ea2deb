import SpecforgeModel

/// The context of the `Api` template: one API group (a tag) and its operations.
extension ViewModels {
    static func group(_ group: APIGroup, header: [String: String], commonSecurity: [[String]]?) -> [String: Any] {
        var context: [String: Any] = header
        context["typeName"] = group.typeName
        context["tag"] = DocComment.singleLine(group.tag).replacingBackticks
        context["documentation"] = DocComment.lines(
            group.description ?? "The `\(DocComment.singleLine(group.tag).replacingBackticks)` operations."
        )
        context["operations"] = positioned(group.operations.map { operation($0, commonSecurity: commonSecurity) })
        return context
    }

    private static func operation(_ operation: OperationModel, commonSecurity: [[String]]?) -> [String: Any] {
        let arguments = operation.arguments
        var context: [String: Any] = [
            "name": SwiftNames.escaped(operation.name),
            "bareName": operation.name,
            // `list(page:pageSize:options:)`: the method as a DocC symbol link names it.
            "symbolLink": operation.signature,
            "documentation": operationDocumentation(operation, arguments: arguments),
            "isDeprecated": operation.deprecated,
            "arguments": arguments.map(argument),
            "returnType": operation.returnType?.unwrapped.swift ?? "Void",
            "sendMethod": operation.returnType?.unwrapped == .eventStream ? "events" : "send",
            "idLiteral": SwiftLiteral.string(operation.operationId),
            "method": operation.method,
            "methodUpper": operation.method.uppercased(),
            "pathLiteral": SwiftLiteral.string(operation.path),
            "pathComment": DocComment.singleLine(operation.path).replacingBackticks,
            "parameters": positioned(operation.parameters.map(parameter)),
            // `[id, org]`: the arguments in the order of `Endpoint.parameters`.
            "parameterValuesLiteral": "["
                + operation.parameters.map { SwiftNames.escaped($0.name) }
                .joined(separator: ", ") + "]",
            "hasParameters": !operation.parameters.isEmpty,
            "responses": positioned(operation.responses.map(response)),
            "hasResponses": !operation.responses.isEmpty,
            // A list that most operations share is printed once, in `ApiClient`.
            "securityExpression": operation.security == commonSecurity
                ? "ApiClient.commonSecurity" : securityLiteral(operation.security),
        ]
        if let body = operation.body {
            context["bodyName"] = SwiftNames.escaped(body.parameterName)
            if !body.contentTypes.isEmpty {
                context["requestContentTypesLiteral"] = stringArrayLiteral(body.contentTypes)
            }
            if let encoding = body.formEncoding { context["formEncodingExpression"] = formEncodingExpression(encoding) }
        }
        if let stream = operation.streamMethodName { context["streamName"] = stream }
        if let errorTypeName = operation.errorTypeName {
            let responses = operation.errorResponses
            context["errorType"] =
                [
                    "name": errorTypeName,
                    "statusesLiteral": stringArrayLiteral(responses.map(\.status)),
                    "cases": positioned(
                        responses.map { response -> [String: Any] in
                            let text = DocComment.singleLine(response.description ?? "")
                            return [
                                "name": response.errorCaseName,
                                "statusLiteral": SwiftLiteral.string(response.status),
                                "type": response.type!.unwrapped.swift,
                                "comment": "`\(response.status)`" + (text.isEmpty ? "" : ": " + text),
                            ]
                        }
                    ),
                ] as [String: Any]
        }
        if let pagination = operation.pagination {
            context["paging"] = paging(pagination, arguments: arguments)
        }
        if operation.pageItemType != nil, operation.body == nil {
            context["pageItemType"] = operation.pageItemType?.swift
            let paged = arguments.filter { $0.wireName != "page" }
            context["pageArguments"] = paged.map(argument)
            // `id: id, org: org, `: the call from `…AllItems` to the method.
            context["pageCallArguments"] = paged.map {
                "\(SwiftNames.argumentLabel($0.name)): \(SwiftNames.escaped($0.name)), "
            }
            .joined()
        }
        return context
    }

    /// The context of an `…AllItems` that pages by `Link` header, cursor or offset: the Swift
    /// expressions that read a page, decided here from the types (an optional items property
    /// needs `?? []`, a double optional cursor `?? nil`).
    private static func paging(_ pagination: PaginationModel, arguments: [OperationModel.Argument]) -> [String: Any] {
        // The position argument is the sequence's to set, unless the caller must give it.
        let kept = arguments.filter { $0.name != pagination.positionArgument || !$0.type.isOptional }
        let call = arguments.map { argument -> String in
            let (label, name) = (SwiftNames.argumentLabel(argument.name), SwiftNames.escaped(argument.name))
            guard argument.name == pagination.positionArgument else { return "\(label): \(name), " }
            return argument.type.isOptional ? "\(label): position, " : "\(label): position ?? \(name), "
        }
        var context: [String: Any] = [
            "isLinkHeader": pagination.style == .linkHeader,
            "isCursor": pagination.style == .cursor,
            "isOffset": pagination.style == .offset,
            "itemType": pagination.itemType.swift,
            "positionType": pagination.style == .linkHeader ? "URL" : pagination.positionType?.swift ?? "String",
            "arguments": kept.map(argument),
            "callArguments": call.joined(),
            "itemsExpression": pagination.itemsProperty.map { property($0, pagination.itemsType, orElse: "[]") }
                ?? "page",
        ]
        if let cursor = pagination.cursorProperty {
            context["nextExpression"] = property(cursor, pagination.cursorType, orElse: nil)
        }
        if let total = pagination.totalProperty, let type = pagination.totalType {
            let value = property(total, type, orElse: ".max")
            context["totalExpression"] = type.unwrapped == .int ? value : "Int(\(value))"
        }
        return context
    }

    /// `page.data`, `page.data ?? []`, `(page.data ?? nil) ?? []`: a body property's value,
    /// with `fallback` for nil (or nil itself, flattened to one level of optional).
    private static func property(_ name: String, _ type: TypeRef?, orElse fallback: String?) -> String {
        let access = "page." + SwiftNames.escaped(name)
        switch (type?.isDoubleOptional == true, type?.isOptional == true, fallback) {
        case (true, _, let fallback?): return "(\(access) ?? nil) ?? \(fallback)"
        case (true, _, nil): return "\(access) ?? nil"
        case (false, true, let fallback?): return "(\(access) ?? \(fallback))"
        default: return access
        }
    }

    private static func argument(_ argument: OperationModel.Argument) -> [String: Any] {
        let name = SwiftNames.escaped(argument.name)
        return [
            "name": name, "type": argument.type.swift, "isOptional": argument.type.isOptional,
            "parameter": parameter(name, argument.type),
        ]
    }

    /// One `Endpoint.Parameter`: what the runtime needs to serialise the argument.
    private static func parameter(_ parameter: ParameterModel) -> [String: Any] {
        var context: [String: Any] = [
            "name": SwiftNames.escaped(parameter.name),
            "wireLiteral": SwiftLiteral.string(parameter.wireName),
            "location": parameter.location.rawValue,
            "typeLiteral": SwiftLiteral.string(parameter.type.swift),
            "isRequired": parameter.required,
        ]
        if let style = parameter.style { context["style"] = style }
        if let explode = parameter.explode { context["explode"] = String(explode) }
        if let rules = RulesLiteral.rules(parameter.checkedConstraints) { context["rulesLiteral"] = rules }
        return context
    }

    private static func response(_ response: ResponseModel) -> [String: Any] {
        var context: [String: Any] = ["statusLiteral": SwiftLiteral.string(response.status)]
        if let contentType = response.contentType { context["contentTypeLiteral"] = SwiftLiteral.string(contentType) }
        if let type = response.type { context["typeLiteral"] = SwiftLiteral.string(type.unwrapped.swift) }
        context["isPrimary"] = response.isPrimary
        return context
    }

    /// `[["basicAuth"], ["cookieAuth", "csrfAuth"]]`: alternatives, each a set of schemes.
    static func securityLiteral(_ security: [[String]]) -> String {
        "[" + security.map(stringArrayLiteral).joined(separator: ", ") + "]"
    }

    /// `FormEncoding(arrayStyle: .indexed, properties: ["a": .init(contentType: "image/png")])`:
    /// the arguments that differ from the runtime's defaults.
    private static func formEncodingExpression(_ encoding: FormEncodingModel) -> String {
        var arguments: [String] = []
        if encoding.arrayStyle != .repeated { arguments.append("arrayStyle: .\(encoding.arrayStyle.rawValue)") }
        if !encoding.properties.isEmpty {
            let properties = encoding.properties.map { property -> String in
                var values: [String] = []
                if let style = property.arrayStyle { values.append("arrayStyle: .\(style.rawValue)") }
                if let type = property.contentType { values.append("contentType: \(SwiftLiteral.string(type))") }
                return "\(SwiftLiteral.string(property.wireName)): .init(\(values.joined(separator: ", ")))"
            }
            arguments.append("properties: [\(properties.joined(separator: ", "))]")
        }
        return "FormEncoding(\(arguments.joined(separator: ", ")))"
    }

    private static func operationDocumentation(
        _ operation: OperationModel,
        arguments: [OperationModel.Argument]
    ) -> [String] {
        var lines = DocComment.lines(operation.summary, operation.description, indent: 4)
        if !lines.isEmpty { lines.append("///") }
        lines.append(
            "/// `\(operation.method.uppercased()) \(DocComment.singleLine(operation.path).replacingBackticks)`"
        )
        if let twin = operation.twinOf, let contentType = operation.body?.contentTypes.first {
            lines.append("///")
            lines += DocComment.wrap(
                "The same operation as `\(twin)`, with the body the document gives for `\(contentType)`.",
                width: DocComment.width - 8
            ).map { "/// " + $0 }
        }
        lines.append("///")
        lines.append("/// - Parameters:")
        for argument in arguments {
            let text = DocComment.singleLine(argument.documentation ?? "")
                .ifEmpty(argument.wireName == nil ? "The request body." : "")
            let line = "  - \(argument.name):" + (text.isEmpty ? "" : " " + text)
            lines += DocComment.wrap(line, width: DocComment.width - 8, continuationIndent: "    ").map { "/// " + $0 }
        }
        lines.append("///   - options: Per-call options: response parsing, status checks, timeout, content type.")
        // A declared type is a DocC symbol link; `[TaskRead]` or `Data` stay code.
        switch operation.returnType?.unwrapped {
        case .named(let name)?: lines.append("/// - Returns: The parsed ``\(name)`` and the raw response.")
        case let type?: lines.append("/// - Returns: The parsed `\(type.swift)` and the raw response.")
        case nil: lines.append("/// - Returns: The raw response (the operation declares no body).")
        }
        return lines
    }
}
