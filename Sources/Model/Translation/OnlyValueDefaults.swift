/// Finds the required properties that can hold one value only — their type is an enum of a
/// single case, the way documents pin a discriminator (`kind: {const: text}`, `enum: [text]`) —
/// and records that case, so that the initializer defaults to it: `.text(TextPost(body: "Hi"))`
/// rather than `.text(TextPost(kind: .text, body: "Hi"))`. CVAT's Python SDK does the same
/// ("defaults to "application/json", must be one of ["application/json", ]").
///
/// A pass over every declaration rather than part of translating a property: a referenced enum
/// is declared after the structs that use it.
enum OnlyValueDefaults {
    static func mark(_ declarations: inout [TypeDeclaration]) {
        var onlyCase: [String: String] = [:]
        for declaration in declarations {
            if case .openEnum(let model) = declaration.kind, model.cases.count == 1 {
                onlyCase[declaration.name] = model.cases[0].name
            }
        }
        guard !onlyCase.isEmpty else { return }
        for position in declarations.indices {
            guard case .structure(var model) = declarations[position].kind else { continue }
            var marked = false
            for index in model.properties.indices where model.properties[index].required {
                // Optional (nullable) properties already default to `nil`.
                guard case .named(let name) = model.properties[index].type, let only = onlyCase[name] else { continue }
                model.properties[index].onlyValueCase = only
                marked = true
            }
            if marked { declarations[position].kind = .structure(model) }
        }
    }
}
