import SpecforgeModel

/// The context of the `Api` template: one API group (a tag) and its operations.
extension ViewModels {
    static func group(_ group: APIGroup, header: HeaderContext, commonSecurity: [[String]]?) -> ApiContext {
        ApiContext(
            header: header,
            typeName: group.typeName,
            tag: DocComment.singleLine(group.tag).replacingBackticks,
            documentation: DocComment.lines(
                group.description ?? "The `\(DocComment.singleLine(group.tag).replacingBackticks)` operations."
            ),
            operations: Positioned.list(group.operations.map { operation($0, commonSecurity: commonSecurity) })
        )
    }

    private static func operation(_ operation: OperationModel, commonSecurity: [[String]]?) -> ApiContext.Operation {
        let arguments = operation.arguments
        var context = ApiContext.Operation(
            name: SwiftNames.escaped(operation.name),
            bareName: operation.name,
            // `list(page:pageSize:options:)`: the method as a DocC symbol link names it.
            symbolLink: operation.signature,
            documentation: operationDocumentation(operation, arguments: arguments),
            isDeprecated: operation.deprecated,
            arguments: arguments.map(argument),
            returnType: operation.returnType?.unwrapped.swift ?? "Void",
            sendMethod: operation.returnType?.unwrapped == .eventStream ? "events" : "send",
            idLiteral: SwiftLiteral.string(operation.operationId),
            method: operation.method,
            methodUpper: operation.method.uppercased(),
            pathLiteral: SwiftLiteral.string(operation.path),
            pathComment: DocComment.singleLine(operation.path).replacingBackticks,
            parameters: Positioned.list(operation.parameters.map(parameter)),
            // `[id, org]`: the arguments in the order of `Endpoint.parameters`.
            parameterValuesLiteral: "["
                + operation.parameters.map { SwiftNames.escaped($0.name) }.joined(separator: ", ") + "]",
            responses: Positioned.list(operation.responses.map(response)),
            // A list that most operations share is printed once, in `ApiClient`.
            securityExpression: operation.security == commonSecurity
                ? "ApiClient.commonSecurity" : securityLiteral(operation.security),
            streamName: operation.streamMethodName
        )
        if let body = operation.body {
            context.bodyName = SwiftNames.escaped(body.parameterName)
            if !body.contentTypes.isEmpty { context.requestContentTypesLiteral = stringArrayLiteral(body.contentTypes) }
            context.formEncodingExpression = body.formEncoding.map(formEncodingExpression)
        }
        if let errorTypeName = operation.errorTypeName {
            let responses = operation.errorResponses
            context.errorType = ApiContext.ErrorType(
                name: errorTypeName,
                statusesLiteral: stringArrayLiteral(responses.map(\.status)),
                cases: Positioned.list(
                    responses.map { response in
                        let text = DocComment.singleLine(response.description ?? "")
                        return ApiContext.ErrorType.Case(
                            name: response.errorCaseName,
                            statusLiteral: SwiftLiteral.string(response.status),
                            type: response.type!.unwrapped.swift,
                            comment: "`\(response.status)`" + (text.isEmpty ? "" : ": " + text)
                        )
                    }
                )
            )
        }
        context.paging = operation.pagination.map { paging($0, arguments: arguments) }
        if let pageItemType = operation.pageItemType, operation.body == nil {
            context.pageItemType = pageItemType.swift
            let paged = arguments.filter { $0.wireName != "page" }
            context.pageArguments = paged.map(argument)
            // `id: id, org: org, `: the call from `…AllItems` to the method.
            context.pageCallArguments = paged.map {
                "\(SwiftNames.argumentLabel($0.name)): \(SwiftNames.escaped($0.name)), "
            }
            .joined()
        }
        return context
    }

    /// The context of an `…AllItems` that pages by `Link` header, cursor or offset; the Swift
    /// expressions that read a page are the model's (`PageReading`).
    private static func paging(_ pagination: PaginationModel, arguments: [OperationModel.Argument])
        -> ApiContext.Paging
    {
        // The position argument is the sequence's to set, unless the caller must give it.
        let kept = arguments.filter { $0.name != pagination.positionArgument || !$0.type.isOptional }
        let call = arguments.map { argument -> String in
            let (label, name) = (SwiftNames.argumentLabel(argument.name), SwiftNames.escaped(argument.name))
            guard argument.name == pagination.positionArgument else { return "\(label): \(name), " }
            return argument.type.isOptional ? "\(label): position, " : "\(label): position ?? \(name), "
        }
        return ApiContext.Paging(
            isLinkHeader: pagination.style == .linkHeader,
            isCursor: pagination.style == .cursor,
            isOffset: pagination.style == .offset,
            itemType: pagination.itemType.swift,
            positionType: pagination.style == .linkHeader ? "URL" : pagination.positionType?.swift ?? "String",
            arguments: kept.map(argument),
            callArguments: call.joined(),
            itemsExpression: pagination.itemsExpression,
            nextExpression: pagination.nextCursorExpression,
            totalExpression: pagination.totalExpression
        )
    }

    private static func argument(_ argument: OperationModel.Argument) -> ApiContext.Argument {
        let name = SwiftNames.escaped(argument.name)
        return ApiContext.Argument(
            name: name,
            type: argument.type.swift,
            isOptional: argument.type.isOptional,
            parameter: parameter(name, argument.type)
        )
    }

    /// One `Endpoint.Parameter`: what the runtime needs to serialise the argument.
    private static func parameter(_ parameter: ParameterModel) -> ApiContext.Parameter {
        ApiContext.Parameter(
            name: SwiftNames.escaped(parameter.name),
            wireLiteral: SwiftLiteral.string(parameter.wireName),
            location: parameter.location.rawValue,
            metatype: parameter.type.swift + ".self",
            isRequired: parameter.required,
            style: parameter.style,
            explode: parameter.explode.map { String($0) },
            rulesLiteral: RulesLiteral.rules(parameter.checkedConstraints)
        )
    }

    private static func response(_ response: ResponseModel) -> ApiContext.Response {
        ApiContext.Response(
            statusLiteral: SwiftLiteral.string(response.status),
            contentTypeLiteral: response.contentType.map(SwiftLiteral.string),
            metatype: response.type.map { $0.unwrapped.swift + ".self" },
            isPrimary: response.isPrimary
        )
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
