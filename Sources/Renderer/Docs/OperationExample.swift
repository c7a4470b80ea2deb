import SpecforgeModel

/// The Swift example of one operation on its reference page: a client configured with the
/// credentials the operation accepts, every argument given an example value (request models
/// built out), the call, and what to do with its result. It is a complete program once wrapped
/// in an `async` function, which is how `make docs-examples` compiles every one of them.
struct OperationExample: Sendable {
    let model: ClientModel
    let values: ExampleBuilder
    let schemes: [String: SecuritySchemeModel]

    init(_ model: ClientModel) {
        self.model = model
        values = ExampleBuilder(model)
        schemes = Dictionary(model.securitySchemes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func code(for operation: OperationModel, in group: APIGroup) -> String {
        let arguments = operation.arguments
        let taken = Set(arguments.map(\.name))
        let clientName = Self.free("client", avoiding: taken)
        let responseName = Self.free("response", avoiding: taken)
        var lines = ["import \(model.moduleName)", "import Foundation", "import SpecforgeRuntime", ""]
        lines += configuration(for: operation, clientName: clientName)
        lines.append("")
        for argument in arguments {
            let value = argumentValue(argument, of: operation)
            let annotation =
                Self.needsAnnotation(argument.type.unwrapped, value) ? ": " + argument.type.unwrapped.swift : ""
            lines.append("let \(SwiftNames.escaped(argument.name))\(annotation) = \(value.swift())")
        }
        if !arguments.isEmpty { lines.append("") }
        let api = "\(clientName).\(group.propertyName)"
        lines += call(api, operation.name, arguments, in: group, responseName: responseName) {
            result(of: operation, responseName: $0)
        }
        if let stream = operation.streamMethodName {
            lines.append("")
            lines.append("// Or the response as the live event stream (`text/event-stream`):")
            lines += call(api, stream, arguments, in: group, responseName: responseName) {
                Self.events(responseName: $0)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `do { let response = try await client.<group>.<method>(…); <use> } catch { print(…) }`.
    private func call(
        _ api: String,
        _ method: String,
        _ arguments: [OperationModel.Argument],
        in group: APIGroup,
        responseName: String,
        use: (String) -> [String]
    ) -> [String] {
        let call = "try await \(api).\(SwiftNames.escaped(method))"
        var lines = ["do {"]
        if arguments.isEmpty {
            lines.append("    let \(responseName) = \(call)()")
        } else {
            lines.append("    let \(responseName) = \(call)(")
            lines += arguments.enumerated().map { index, argument in
                let name = SwiftNames.escaped(argument.name)
                return "        \(SwiftNames.argumentLabel(argument.name)): \(name)"
                    + (index == arguments.count - 1 ? "" : ",")
            }
            lines.append("    )")
        }
        lines += use(responseName)
        lines.append("} catch {")
        lines.append("    print(\"\(group.typeName).\(method) failed: \\(error)\")")
        lines.append("}")
        return lines
    }

    /// `let client = ApiClient(…)`, with the credentials of the operation's first set of
    /// schemes (the page lists the others).
    private func configuration(for operation: OperationModel, clientName: String) -> [String] {
        let host = SwiftLiteral.string(model.serverURL ?? "https://api.example.com")
        var arguments = ["host: URL(string: \(host))!"]
        var apiKeys: [String] = []
        var unprefixed: [String] = []
        let chosen = operation.security.first ?? []
        for name in chosen {
            switch schemes[name]?.kind {
            case .httpBasic?:
                arguments += ["username: \"YOUR_USERNAME\"", "password: \"YOUR_PASSWORD\""]
            case .httpBearer?:
                arguments.append("accessToken: \"YOUR_ACCESS_TOKEN\"")
            case .apiKey?:
                if schemes[name]?.prefix == nil, schemes[name]?.parameterName?.lowercased() == "authorization" {
                    unprefixed.append(name)
                }
                apiKeys.append(
                    "\(SwiftLiteral.string(name)): \"YOUR_\(SwiftNames.words(name).joined(separator: "_").uppercased())\""
                )
            case nil:
                break
            }
        }
        if !apiKeys.isEmpty { arguments.append("apiKeys: [" + apiKeys.joined(separator: ", ") + "]") }
        var lines: [String] = []
        if !chosen.isEmpty {
            let others = operation.security.count > 1 ? "; the page lists the other ways to authenticate" : ""
            lines.append("// Credentials for \(chosen.joined(separator: " and "))\(others).")
        }
        // A key sent in `Authorization` usually needs a scheme word the document may give in
        // prose only (`x-token-prefix` says it in a way the client reads).
        for name in unprefixed {
            lines.append("// If the server expects a prefix before the key (`Bot …`, `Token …`), add")
            lines.append("// `apiKeyPrefixes: [\(SwiftLiteral.string(name)): \"Bot \"]`.")
        }
        lines.append("let \(clientName) = ApiClient(")
        lines.append("    configuration: Configuration(")
        lines += arguments.enumerated().map { "        " + $1 + ($0 == arguments.count - 1 ? "" : ",") }
        lines.append("    )")
        lines.append(")")
        return lines
    }

    private func argumentValue(_ argument: OperationModel.Argument, of operation: OperationModel) -> ExampleValue {
        if let wireName = argument.wireName,
            let parameter = operation.parameters.first(where: { $0.wireName == wireName && $0.name == argument.name })
        {
            return values.value(
                of: argument.type,
                name: wireName,
                example: parameter.example,
                defaultValue: parameter.defaultValue,
                constraints: parameter.constraints
            )
        }
        return values.value(of: argument.type, name: argument.name)
    }

    /// What the example does with the response: prints the status and the parsed value.
    private func result(of operation: OperationModel, responseName: String) -> [String] {
        switch operation.returnType?.unwrapped {
        case nil:
            return ["    print(\(responseName).status)"]
        case .eventStream?:
            return Self.events(responseName: responseName)
        case .data?:
            return ["    print(\(responseName).status, try \(responseName).body().count)"]
        default:
            return ["    print(\(responseName).status, try \(responseName).body())"]
        }
    }

    /// Reading a `text/event-stream` response event by event.
    private static func events(responseName: String) -> [String] {
        [
            "    for try await event in try \(responseName).body() {",
            "        print(event.event ?? \"message\", event.data)",
            "    }",
        ]
    }

    /// Whether `let name = value` needs the type spelled out: when the literal alone would
    /// give another type (`1` is an `Int`, not an `Int32`), or none (`[:]`).
    private static func needsAnnotation(_ type: TypeRef, _ value: ExampleValue) -> Bool {
        switch (type, value) {
        case (.string, .literal), (.int, .literal), (.double, .literal), (.bool, .literal): return false
        case (.dateTime, .literal), (.date, .literal), (.uuid, .literal), (.data, .literal): return false
        case (.named, .literal(let text)): return !text.hasPrefix(type.swift + ".")
        case (_, .call): return false
        default: return true
        }
    }

    private static func free(_ name: String, avoiding taken: Set<String>) -> String {
        var candidate = name
        while taken.contains(candidate) { candidate = "the" + candidate.prefix(1).uppercased() + candidate.dropFirst() }
        return candidate
    }
}
