/// Checks the arguments and the body of one call against the endpoint's rules and the body
/// model's, before anything is built or sent.
struct RequestValidation {
    let endpoint: Endpoint
    let validator: Validator

    init(endpoint: Endpoint, disabled: Set<ValidationCheck>) {
        self.endpoint = endpoint
        self.validator = Validator(disabled: disabled)
    }

    func validate(_ arguments: [any ParameterValue], body: (any Encodable & Sendable)?) throws {
        for (parameter, argument) in zip(endpoint.parameters, arguments) where !parameter.rules.isEmpty {
            guard let value = RequestBuilder.present(argument) as? any ConstrainedValue else { continue }
            try validator.report(
                owner: "\(parameter.location.rawValue) parameter of \(endpoint.id)",
                path: [parameter.name]
            ) {
                try validator.check(value, against: parameter.rules)
            }
        }
        if let body = body as? any ValidatedContainer {
            try validator.report(owner: "\(type(of: body))") { try body.validateContents(validator) }
        }
    }
}
