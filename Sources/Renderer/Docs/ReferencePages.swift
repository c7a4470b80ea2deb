import SpecforgeModel

/// The contexts of the reference pages (`--docs DIR`): `DocsIndex` (the index, `README.md`),
/// `DocsApi` (a page per API group, `APIs/<Group>.md`) and `DocsModel` (a page per declared
/// type, `Models/<Type>.md`). Values are Markdown, ready to print; the templates lay them out.
struct ReferencePages: Sendable {
    let model: ClientModel
    private let declared: Set<String>
    private let types: [String: TypeDeclaration]
    private let examples: OperationExample
    private let header: PageHeader

    init(_ model: ClientModel) {
        self.model = model
        declared = Set(model.types.map(\.name))
        examples = OperationExample(model)
        types = examples.values.types
        header = PageHeader(
            title: Markdown.cell(model.title),
            version: Markdown.cell(model.version),
            moduleName: model.moduleName,
            baseURL: model.serverURL ?? "the `host` of the `Configuration`"
        )
    }

    // MARK: Index

    func index() -> DocsIndexContext {
        DocsIndexContext(
            header: header,
            description: model.description.flatMap { $0.isEmpty ? nil : Markdown.paragraph($0) },
            groups: model.groups.map { group in
                DocsIndexContext.Group(
                    typeName: group.typeName,
                    propertyName: group.propertyName,
                    page: "APIs/\(group.typeName).md",
                    operations: group.operations.map { methodRow($0, page: "APIs/\(group.typeName).md") }
                )
            },
            models: model.types.map { declaration in
                let page = "Models/\(declaration.name).md"
                let kind = Self.kind(declaration)
                let summary = Markdown.cell(Self.firstSentence(declaration.documentation ?? ""))
                return DocsIndexContext.Model(
                    name: declaration.name,
                    page: page,
                    kind: kind,
                    summary: summary,
                    row: Self.row(["[\(declaration.name)](\(page))", kind, summary])
                )
            },
            securitySchemes: model.securitySchemes.map(securityScheme)
        )
    }

    private func methodRow(_ operation: OperationModel, page: String) -> MethodRow {
        let link = page + "#" + Markdown.anchor(operation.name)
        let request = Markdown.code("\(operation.method.uppercased()) \(operation.path)")
        let summary = Markdown.cell(operation.summary ?? "")
        let method = "[\(operation.name)](\(link))" + (operation.deprecated ? " (deprecated)" : "")
        return MethodRow(
            name: operation.name,
            link: link,
            httpRequest: request,
            summary: summary,
            isDeprecated: operation.deprecated,
            row: Self.row([method, request, summary])
        )
    }

    /// A table row, `| a | b | c |`: pre-rendered because printing rows cell by cell was
    /// most of the time the pages take (every variable a template prints is a lookup with
    /// dynamic casts in swift-mustache).
    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    private func securityScheme(_ scheme: SecuritySchemeModel) -> DocsIndexContext.SecurityScheme {
        let setting: String
        switch scheme.kind {
        case .httpBasic: setting = "HTTP basic: `Configuration(username:password:)`"
        case .httpBearer: setting = "HTTP bearer: `Configuration(accessToken:)`"
        case .apiKey:
            let location = scheme.location?.rawValue ?? "header"
            setting =
                "API key in the \(location) `\(scheme.parameterName ?? "")`: "
                + "`Configuration(apiKeys: [\"\(scheme.name)\": …])`"
                + (scheme.prefix.map { ", sent after `\($0)`" } ?? "")
        }
        return .init(name: scheme.name, setting: setting, description: Markdown.cell(scheme.description ?? ""))
    }

    // MARK: API group pages

    func group(_ group: APIGroup) -> DocsApiContext {
        DocsApiContext(
            header: header,
            typeName: group.typeName,
            propertyName: group.propertyName,
            tag: Markdown.cell(group.tag),
            description: group.description.flatMap { $0.isEmpty ? nil : Markdown.paragraph($0) },
            methods: group.operations.map { methodRow($0, page: "") },
            operations: group.operations.map { operation($0, in: group) }
        )
    }

    private func operation(_ operation: OperationModel, in group: APIGroup) -> DocsApiContext.Operation {
        let arguments = operation.arguments
        let returnType = operation.returnType?.unwrapped
        var context = DocsApiContext.Operation(
            name: operation.name,
            httpRequest: "\(operation.method.uppercased()) \(operation.path)",
            isDeprecated: operation.deprecated,
            signature: signature(operation, arguments: arguments),
            example: examples.code(for: operation, in: group),
            parameters: arguments.map { argument(argument: $0, of: operation) },
            returnType: Markdown.type(returnType ?? .named("Void"), modelsFolder: "../Models/", declared: declared),
            streamName: operation.streamMethodName,
            errorType: operation.errorTypeName.map { "\(group.typeName).\($0)" },
            requestContentTypes: operation.body?.contentTypes ?? [],
            responseContentTypes: Self.unique(operation.responses.flatMap(\.contentTypes)),
            responses: operation.responses.map(response)
        )
        if let summary = operation.summary, !summary.isEmpty { context.summary = Markdown.paragraph(summary) }
        if let description = operation.description, !description.isEmpty, description != operation.summary {
            context.description = Markdown.paragraph(description)
        }
        if !operation.security.isEmpty {
            context.authentication = operation.security.map { alternative in
                alternative.map { "`\($0)`" }.joined(separator: " and ")
            }
            .joined(separator: ", or ")
        }
        if let item = operation.pageItemType, operation.body == nil {
            context.pageItemType = Markdown.type(item, modelsFolder: "../Models/", declared: declared)
            context.allItemsName = operation.name + "AllItems"
            context.pagingHow = "following `next` links"
        } else if let pagination = operation.pagination {
            context.pageItemType = Markdown.type(pagination.itemType, modelsFolder: "../Models/", declared: declared)
            context.allItemsName = operation.name + "AllItems"
            switch pagination.style {
            case .linkHeader: context.pagingHow = "following `Link: rel=\"next\"` headers"
            case .cursor: context.pagingHow = "passing each page's cursor back"
            case .offset: context.pagingHow = "advancing the offset by each page's items"
            }
        }
        return context
    }

    /// The method's declaration, one parameter a line.
    private func signature(_ operation: OperationModel, arguments: [OperationModel.Argument]) -> String {
        let returned = "ApiResponse<\(operation.returnType?.unwrapped.swift ?? "Void")>"
        var lines = ["func \(SwiftNames.escaped(operation.name))("]
        lines += arguments.map { "    " + ViewModels.parameter(SwiftNames.escaped($0.name), $0.type) + "," }
        lines.append("    options: RequestOptions = RequestOptions()")
        lines.append(") async throws -> \(returned)")
        return lines.joined(separator: "\n")
    }

    private func argument(argument: OperationModel.Argument, of operation: OperationModel) -> DocsApiContext.Parameter {
        var notes: [String] = []
        var description = argument.documentation ?? ""
        if let wireName = argument.wireName,
            let parameter = operation.parameters.first(where: { $0.wireName == wireName && $0.name == argument.name })
        {
            notes.append("\(parameter.location.rawValue) `\(parameter.wireName)`")
            notes += Self.valueNotes(
                defaultValue: parameter.defaultValue,
                constraints: parameter.constraints
            )
            if parameter.deprecated { notes.append("deprecated") }
        } else if let body = operation.body {
            notes.append("body" + (body.contentTypes.isEmpty ? "" : " (\(body.contentTypes.joined(separator: ", ")))"))
            if description.isEmpty { description = "The request body." }
        }
        notes.append(argument.type.isOptional ? "optional" : "required")
        notes += allowedValues(argument.type)
        let cells = [
            Markdown.code(argument.name), Markdown.type(argument.type, modelsFolder: "../Models/", declared: declared),
            Markdown.cell(description), Markdown.cell(notes.joined(separator: "; ")),
        ]
        return .init(name: cells[0], type: cells[1], description: cells[2], notes: cells[3], row: Self.row(cells))
    }

    private func response(_ response: ResponseModel) -> DocsApiContext.Response {
        let cells = [
            response.status,
            Markdown.cell(response.description ?? "").ifEmpty("-"),
            response.type.map { Markdown.type($0.unwrapped, modelsFolder: "../Models/", declared: declared) } ?? "-",
            response.headers.isEmpty ? "-" : response.headers.map(Markdown.code).joined(separator: ", "),
        ]
        return .init(status: cells[0], description: cells[1], type: cells[2], headers: cells[3], row: Self.row(cells))
    }

    // MARK: Model pages

    func type(_ declaration: TypeDeclaration) -> DocsModelContext {
        var context = DocsModelContext(
            header: header,
            typeName: declaration.name,
            kind: Self.kind(declaration),
            pointer: Markdown.code(declaration.pointer),
            isDeprecated: declaration.deprecated,
            documentation: declaration.documentation.flatMap { $0.isEmpty ? nil : Markdown.paragraph($0) }
        )
        switch declaration.kind {
        case .structure(let structure):
            context.isStruct = true
            context.properties = structure.properties.map(property)
            context.additionalProperties = structure.additionalProperties.map(Markdown.cell)
            context.pageItemType = structure.pageItemType.map {
                Markdown.type($0, modelsFolder: "", declared: declared)
            }
        case .openEnum(let enumeration):
            context.isEnum = true
            context.rawType = enumeration.rawType.rawValue
            context.cases = enumeration.cases.map { item in
                var value = Markdown.code(item.literal)
                if let documentation = item.documentation { value += ": " + Markdown.cell(documentation) }
                return .init(name: Markdown.code("." + item.name), value: value)
            }
        case .union(let union):
            context.isUnion = true
            context.isAnyOf = union.isAnyOf
            // A value several alternatives pin is decided by the body: say which others share it.
            let sharedBy = Dictionary(
                union.discriminatorBranches.filter { $0.caseIndices.count > 1 }
                    .flatMap { branch in branch.values.map { ($0, branch.caseIndices) } },
                uniquingKeysWith: { first, _ in first }
            )
            context.alternatives = union.cases.enumerated().map { index, item in
                let values = item.discriminatorValues.map { value -> String in
                    guard let sharers = sharedBy[value] else { return Markdown.code(value) }
                    let others = sharers.filter { $0 != index }.map { Markdown.code("." + union.cases[$0].name) }
                    return Markdown.code(value) + " (also " + others.joined(separator: ", ")
                        + ": the first whose required properties are present)"
                }
                return DocsModelContext.Alternative(
                    name: Markdown.code("." + item.name),
                    type: Markdown.type(item.type, modelsFolder: "", declared: declared),
                    discriminatorValues: values.isEmpty ? "-" : values.joined(separator: ", ")
                )
            }
            context.discriminator = union.discriminator.map(Markdown.code)
            context.unknownCase = union.unknownCaseName.map { Markdown.code("." + $0) }
        case .alias(let aliased):
            context.aliasedType = Markdown.type(aliased, modelsFolder: "", declared: declared)
        }
        return context
    }

    private func property(_ property: PropertyModel) -> DocsModelContext.Property {
        var notes: [String] = [property.required ? "required" : "optional"]
        if let only = property.onlyValueCase {
            notes.append("the initializer defaults to `.\(SwiftNames.escaped(only))`, its only value")
        }
        if property.nullable { notes.append("nullable") }
        if property.readOnly { notes.append("read-only") }
        if property.writeOnly { notes.append("write-only") }
        if property.deprecated { notes.append("deprecated") }
        if property.indirect { notes.append("stored indirectly (a reference cycle)") }
        notes += Self.valueNotes(
            defaultValue: property.defaultValue,
            constraints: property.constraints
        )
        notes += allowedValues(property.type)
        let cells = [
            Markdown.code(property.name), Markdown.code(property.wireName),
            Markdown.type(property.type, modelsFolder: "", declared: declared),
            Markdown.cell(property.documentation ?? ""), Markdown.cell(notes.joined(separator: "; ")),
        ]
        return .init(
            name: cells[0],
            jsonName: cells[1],
            type: cells[2],
            description: cells[3],
            notes: cells[4],
            row: Self.row(cells)
        )
    }

    // MARK: Shared

    /// `default: 10`, `minimum: 1`: what the schema says of a value.
    private static func valueNotes(defaultValue: String?, constraints: ValueConstraints) -> [String] {
        var notes: [String] = []
        if let defaultValue { notes.append("default: `\(defaultValue)`") }
        notes += constraints.summary.map { "`\($0)`" }
        return notes
    }

    /// `allowed: "a", "b"` for an enum type with few enough values to list.
    private func allowedValues(_ type: TypeRef) -> [String] {
        guard let name = type.declaredName, let declaration = types[name],
            case .openEnum(let enumeration) = declaration.kind, !enumeration.cases.isEmpty
        else { return [] }
        let shown = enumeration.cases.prefix(12).map { "`\($0.value)`" }
        return ["allowed: " + shown.joined(separator: ", ") + (enumeration.cases.count > 12 ? ", …" : "")]
    }

    static func kind(_ declaration: TypeDeclaration) -> String {
        switch declaration.kind {
        case .structure: return "struct"
        case .openEnum: return "enum"
        case .union(let union): return union.isAnyOf ? "anyOf union" : "oneOf union"
        case .alias: return "typealias"
        }
    }

    /// The first sentence (or line) of a description, for a summary cell.
    static func firstSentence(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        if let end = line.range(of: ". ") { return String(line[..<end.lowerBound]) + "." }
        return line
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
