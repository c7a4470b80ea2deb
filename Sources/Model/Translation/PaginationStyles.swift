import SpecforgeDiagnostics

/// Decides how each list operation's `…AllItems` walks its pages, once every type is declared.
///
/// Detected where it is unambiguous: Django REST framework's body (`count`, `next`,
/// `results`: `pageItemType`, found with the model) and RFC 8288 `Link` headers (a success
/// response that declares a `Link` header and is an array). Cursor and offset paging look
/// like any other parameters and properties, so the configuration names them
/// (`pagination:`); what it names is checked here, with errors located in the configuration.
enum PaginationStyles {
    static func resolve(
        _ groups: [APIGroup],
        declarations: [TypeDeclaration],
        options: ModelOptions,
        diagnostics: Diagnostics
    ) -> [APIGroup] {
        var structs: [String: StructModel] = [:]
        for declaration in declarations {
            if case .structure(let model) = declaration.kind { structs[declaration.name] = model }
        }
        return groups.map { group in
            var group = group
            for index in group.operations.indices {
                var operation = group.operations[index]
                if let option = options.pagination[operation.operationId] {
                    let resolver = Configured(option: option, operation: operation, structs: structs)
                    do throws(Problem) {
                        operation.pagination = try resolver.pagination()
                        operation.pageItemType = nil
                    } catch {
                        diagnostics.error(
                            "pagination of '\(operation.operationId)': \(error.message)",
                            at: option.location,
                            pointer: option.pointer
                        )
                    }
                } else if operation.pageItemType == nil {
                    operation.pagination = linkHeader(operation)
                }
                group.operations[index] = operation
            }
            return group
        }
    }

    /// An array response that declares a `Link` header.
    private static func linkHeader(_ operation: OperationModel) -> PaginationModel? {
        guard let primary = operation.responses.first(where: \.isPrimary),
            primary.headers.contains(where: { $0.lowercased() == "link" }),
            case .array(let item)? = operation.returnType?.unwrapped
        else { return nil }
        return PaginationModel(style: .linkHeader, itemType: item)
    }

    struct Problem: Error {
        var message: String
    }

    /// A `pagination:` entry checked against the operation it names.
    private struct Configured {
        let option: PaginationOption
        let operation: OperationModel
        let structs: [String: StructModel]

        func pagination() throws(Problem) -> PaginationModel {
            guard let returned = operation.returnType?.unwrapped else {
                throw Problem(message: "the operation's success response has no body to page through")
            }
            if option.style == .linkHeader {
                guard case .array(let item) = returned else {
                    throw Problem(
                        message: "style 'link' needs a response that is an array of items, not \(returned.swift)"
                    )
                }
                return PaginationModel(style: .linkHeader, itemType: item)
            }
            let parameter = try position()
            var result = PaginationModel(style: option.style, itemType: .json)
            result.positionArgument = parameter.name
            result.positionType = parameter.type.unwrapped
            if option.style == .offset, ![.int, .int32, .int64].contains(parameter.type.unwrapped) {
                throw Problem(message: "the offset parameter '\(parameter.wireName)' is not an integer")
            }
            switch returned {
            case .array(let item) where option.items == nil && option.style == .offset:
                result.itemType = item
                return result
            case .named(let name):
                guard let body = structs[name] else { break }
                let items = try property(option.items, in: body, of: name, role: "items")
                guard case .array(let item) = items.type.unwrapped else {
                    throw Problem(message: "'\(items.wireName)' of \(name) is \(items.type.swift), not an array")
                }
                result.itemType = item
                result.itemsProperty = items.name
                result.itemsType = items.type
                if option.style == .cursor {
                    let next = try property(option.next, in: body, of: name, role: "next")
                    guard next.type.unwrapped == parameter.type.unwrapped else {
                        throw Problem(
                            message: "the cursor '\(next.wireName)' is \(next.type.unwrapped.swift) but the parameter "
                                + "'\(parameter.wireName)' takes \(parameter.type.unwrapped.swift)"
                        )
                    }
                    result.cursorProperty = next.name
                    result.cursorType = next.type
                } else if let totalName = option.total {
                    let total = try property(totalName, in: body, of: name, role: "total")
                    guard [.int, .int32, .int64].contains(total.type.unwrapped) else {
                        throw Problem(message: "the total '\(total.wireName)' is not an integer")
                    }
                    result.totalProperty = total.name
                    result.totalType = total.type
                }
                return result
            default:
                break
            }
            throw Problem(message: "the success response is \(returned.swift), not an object with the items")
        }

        private func position() throws(Problem) -> ParameterModel {
            guard let wireName = option.parameter else {
                throw Problem(
                    message: "style '\(option.style.configName)' needs 'parameter', the query parameter of the position"
                )
            }
            guard let parameter = operation.parameters.first(where: { $0.wireName == wireName }) else {
                let names = operation.parameters.map { "'\($0.wireName)'" }.joined(separator: ", ")
                throw Problem(
                    message: "the operation has no parameter '\(wireName)' (it has \(names.isEmpty ? "none" : names))"
                )
            }
            return parameter
        }

        private func property(_ wireName: String?, in body: StructModel, of name: String, role: String) throws(Problem)
            -> PropertyModel
        {
            guard let wireName else {
                throw Problem(message: "style '\(option.style.configName)' needs '\(role)', a property of \(name)")
            }
            guard let property = body.properties.first(where: { $0.wireName == wireName }) else {
                let names = body.properties.map { "'\($0.wireName)'" }.joined(separator: ", ")
                throw Problem(message: "\(name) has no property '\(wireName)' (it has \(names))")
            }
            return property
        }
    }
}

extension PaginationModel.Style {
    /// The style as the configuration spells it.
    public var configName: String {
        switch self {
        case .linkHeader: return "link"
        case .cursor: return "cursor"
        case .offset: return "offset"
        }
    }
}
