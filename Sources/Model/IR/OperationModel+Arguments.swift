extension OperationModel {
    /// One argument of the operation's Swift method.
    public struct Argument: Sendable {
        public var name: String
        public var type: TypeRef
        public var documentation: String?
        /// The parameter's name on the wire; `nil` for the body.
        public var wireName: String?
    }

    /// The arguments of the operation's Swift method, in order: required parameters, a required
    /// body, optional parameters, an optional body (`options` follows them all). Decided here
    /// once, for the renderer that prints the method and for `specforge diff`, which names it.
    public var arguments: [Argument] {
        var ordered = parameters.filter(\.required).map {
            Argument(name: $0.name, type: $0.type, documentation: $0.documentation, wireName: $0.wireName)
        }
        if let body, body.required {
            ordered.append(Argument(name: body.parameterName, type: body.type, documentation: body.documentation))
        }
        ordered += parameters.filter { !$0.required }.map {
            Argument(name: $0.name, type: $0.type, documentation: $0.documentation, wireName: $0.wireName)
        }
        if let body, !body.required {
            ordered.append(Argument(name: body.parameterName, type: body.type, documentation: body.documentation))
        }
        return ordered
    }

    /// The method as Swift names it, `create(taskWriteRequest:orgId:options:)`: the one
    /// spelling that the templates' DocC links (`symbolLink`) and `specforge diff` print. Every
    /// method ends with the runtime's `options:` argument, which templates keep.
    public var signature: String {
        name + "(" + arguments.map { $0.name + ":" }.joined() + "options:)"
    }
}
