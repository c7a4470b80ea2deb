import SpecforgeModel

/// The Swift arguments of an operation's method: required parameters, then the body, then
/// optional parameters, each with the value passed on to the endpoint.
struct Arguments {
    let declarations: [[String: Any]]
    /// The values aligned with `Endpoint.parameters`: `id`, `org`, `page`.
    let endpointValues: [String]
    let documentation: [(name: String, text: String?)]
    /// The body's argument name, if the operation takes a body.
    let bodyName: String?
    /// For the `…AllItems` variant of paginated operations: every argument but `page`.
    let pageDeclarations: [[String: Any]]
    let pageCall: [String]

    init(_ operation: OperationModel) {
        let ordered = operation.arguments.map {
            (name: $0.name, type: $0.type, text: $0.documentation, wireName: $0.wireName)
        }
        func declaration(_ argument: (name: String, type: TypeRef, text: String?, wireName: String?)) -> [String: Any] {
            let name = SwiftNames.escaped(argument.name)
            return [
                "name": name, "type": argument.type.swift, "isOptional": argument.type.isOptional,
                // `options` always follows, so every argument ends with a comma.
                "parameter": ViewModels.parameter(name, argument.type, separator: ","),
            ]
        }
        declarations = ordered.map(declaration)
        bodyName = operation.body?.parameterName
        endpointValues = operation.parameters.map { SwiftNames.escaped($0.name) }
        documentation = ordered.map { ($0.name, $0.text) }
        let paged = ordered.filter { $0.wireName != "page" }
        pageDeclarations = paged.map(declaration)
        pageCall = paged.map { "\(SwiftNames.escaped($0.name)): \(SwiftNames.escaped($0.name))" }
    }
}
