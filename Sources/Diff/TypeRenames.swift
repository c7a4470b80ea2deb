import SpecforgeModel

/// Types that only changed their name between two versions, old name → new name.
///
/// drf-spectacular names an enum after its property and, when two enums would share a name,
/// appends a hash of its values (`TypeCcbEnum`); a change elsewhere renames it (`Type837Enum`).
/// Reported as a removed and an added type, and as a type change at every use, that would bury
/// one rename under a dozen breaking changes. A removed and an added declaration of the same
/// kind are one type renamed when
/// - every property that used the removed one now uses the added one (and nothing else does), or
/// - they are the only pair with the same content: an enum with the same values, a model with
///   the same properties.
struct TypeRenames {
    private(set) var newNames: [String: String] = [:]

    init(old: ClientModel, new: ClientModel) {
        let oldNames = Set(old.types.map(\.name))
        let newNames = Set(new.types.map(\.name))
        let removed = Dictionary(
            old.types.filter { !newNames.contains($0.name) }.map { ($0.name, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let added = Dictionary(
            new.types.filter { !oldNames.contains($0.name) }.map { ($0.name, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        for (before, after) in Self.pairsByUse(old, new, removed: removed, added: added) {
            if let a = removed[before], let b = added[after], Self.sameKind(a, b) { self.newNames[before] = after }
        }
        let renamed = Set(self.newNames.values)
        let removedByContent = Dictionary(
            grouping: removed.values.filter { self.newNames[$0.name] == nil },
            by: Self.content
        )
        let addedByContent = Dictionary(grouping: added.values.filter { !renamed.contains($0.name) }, by: Self.content)
        for (content, before) in removedByContent {
            guard let content, before.count == 1, let after = addedByContent[content], after.count == 1 else {
                continue
            }
            self.newNames[before[0].name] = after[0].name
        }
    }

    /// Removed → added pairs seen at the same property of the same model, kept only when each
    /// side is always paired with the same other side.
    private static func pairsByUse(
        _ old: ClientModel,
        _ new: ClientModel,
        removed: [String: TypeDeclaration],
        added: [String: TypeDeclaration]
    ) -> [(String, String)] {
        guard !removed.isEmpty, !added.isEmpty else { return [] }
        var partners: [String: Set<String>] = [:]
        var reversePartners: [String: Set<String>] = [:]
        let oldStructs = Dictionary(
            old.types.compactMap { type -> (String, StructModel)? in
                guard case .structure(let model) = type.kind else { return nil }
                return (type.name, model)
            },
            uniquingKeysWith: { first, _ in first }
        )
        for type in new.types {
            guard case .structure(let model) = type.kind, let before = oldStructs[type.name] else { continue }
            let oldProperties = Dictionary(
                before.properties.map { ($0.wireName, $0.type) },
                uniquingKeysWith: { first, _ in first }
            )
            for property in model.properties {
                guard let oldType = oldProperties[property.wireName],
                    case .named(let a) = innermost(oldType), removed[a] != nil,
                    case .named(let b) = innermost(property.type), added[b] != nil
                else { continue }
                partners[a, default: []].insert(b)
                reversePartners[b, default: []].insert(a)
            }
        }
        return partners.compactMap { name, candidates in
            guard candidates.count == 1, let partner = candidates.first, reversePartners[partner]?.count == 1 else {
                return nil
            }
            return (name, partner)
        }
    }

    /// `[Foo]??` → `Foo`.
    private static func innermost(_ type: TypeRef) -> TypeRef {
        switch type {
        case .array(let inner), .map(let inner), .optional(let inner), .nullable(let inner): innermost(inner)
        default: type
        }
    }

    private static func sameKind(_ a: TypeDeclaration, _ b: TypeDeclaration) -> Bool {
        switch (a.kind, b.kind) {
        case (.structure, .structure), (.openEnum, .openEnum), (.union, .union), (.alias, .alias): true
        default: false
        }
    }

    var isEmpty: Bool { newNames.isEmpty }

    /// The symbols whose declarations spell the renamed type in `model` (the new version):
    /// properties and methods whose signatures change with the name, though nothing else does.
    static func uses(of name: String, in model: ClientModel) -> [String] {
        var symbols: [String] = []
        for type in model.types {
            guard case .structure(let structure) = type.kind else { continue }
            for property in structure.properties where mentions(property.type, name) {
                symbols.append(Symbols.property(property.name, of: type.name))
            }
        }
        for group in model.groups {
            for operation in group.operations {
                let types =
                    operation.parameters.map(\.type) + [operation.body?.type, operation.returnType].compactMap { $0 }
                if types.contains(where: { mentions($0, name) }) {
                    symbols.append(Symbols.method(operation, in: group))
                }
            }
        }
        return symbols
    }

    private static func mentions(_ type: TypeRef, _ name: String) -> Bool {
        innermost(type) == .named(name)
    }

    /// The old type's name in the new version: `[TypeCcbEnum]?` → `[Type837Enum]?`.
    func renaming(_ type: TypeRef) -> TypeRef {
        guard !newNames.isEmpty else { return type }
        switch type {
        case .named(let name): return .named(newNames[name] ?? name)
        case .array(let element): return .array(renaming(element))
        case .map(let value): return .map(renaming(value))
        case .optional(let wrapped): return .optional(renaming(wrapped))
        case .nullable(let wrapped): return .nullable(renaming(wrapped))
        default: return type
        }
    }

    /// What identifies a declaration apart from its name; nil for kinds never matched.
    private static func content(_ declaration: TypeDeclaration) -> String? {
        switch declaration.kind {
        case .openEnum(let model):
            return "enum " + model.cases.map(\.value).sorted().joined(separator: "\u{1F}")
        case .structure(let model) where !model.properties.isEmpty:
            return "struct "
                + model.properties.map { "\($0.wireName):\($0.required)" }.sorted().joined(separator: "\u{1F}")
        default:
            return nil
        }
    }
}
