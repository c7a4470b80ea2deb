import Foundation

/// In debug builds, a model whose `fields` do not list each of its stored properties once
/// stops the program the first time it is encoded or compared, instead of silently leaving a
/// property out of its JSON. (A custom template that adds a stored property and forgets the
/// `fields` entry is the way this happens.)
enum FieldsCheck {
    private static let checked = Locked<Set<ObjectIdentifier>>([])

    /// Checks `Model` once per run; a no-op in release builds.
    @inline(__always)
    static func verifyOnce<Model: APIObject>(_ model: Model) {
        #if DEBUG
            let isNew = checked.withLock { $0.insert(ObjectIdentifier(Model.self)).inserted }
            if isNew, let problem = problem(model) {
                preconditionFailure(problem)
            }
        #endif
    }

    /// What is wrong with `Model.fields`, or `nil`: the stored properties (as `Mirror` sees
    /// them, `@Indirect` ones through their wrapper) and the fields must be as many, each
    /// field's key path distinct.
    static func problem<Model: APIObject>(_ model: Model) -> String? {
        let stored = Mirror(reflecting: model).children.compactMap(\.label).map {
            $0.hasPrefix("_") ? String($0.dropFirst()) : $0
        }
        let fields = Model.fields
        if Set(fields.map { $0.property as PartialKeyPath<Model> }).count != fields.count {
            return "\(Model.self).fields lists a property twice"
        }
        if Set(fields.map(\.key)).count != fields.count {
            return "\(Model.self).fields lists a JSON name twice"
        }
        if stored.count != fields.count {
            return "\(Model.self) stores \(stored.count) properties (\(stored.joined(separator: ", "))) "
                + "but its fields list \(fields.count) (\(fields.map(\.key).joined(separator: ", "))): "
                + "every stored property needs its ModelField"
        }
        return nil
    }
}
