/// Decides how each union tells its alternatives apart when decoding, once every declaration
/// is known (an alternative's own declaration may come after the union's):
///
/// - Without a discriminator, alternatives are tried in order, but one that keeps unknown
///   values (an open enum) accepts every value of its raw type: it takes a value only when it
///   knows it, and otherwise only when no alternative does (`isKnown`). The first open enum
///   would otherwise take every value.
/// - With a discriminator, each value selects one branch of a `switch`. When several
///   alternatives pin the same value, that value's branch tries them in turn, the one that
///   requires more properties first (a missing required property makes it fail), instead of
///   repeating a `case` label that could never match.
enum UnionDecodingOrder {
    static func mark(_ declarations: inout [TypeDeclaration]) {
        var openEnums: Set<String> = []
        var requiredCounts: [String: Int] = [:]
        for declaration in declarations {
            switch declaration.kind {
            case .openEnum: openEnums.insert(declaration.name)
            case .structure(let model): requiredCounts[declaration.name] = model.properties.count { $0.required }
            default: break
            }
        }
        for position in declarations.indices {
            guard case .union(var model) = declarations[position].kind else { continue }
            for index in model.cases.indices {
                if case .named(let name) = model.cases[index].type, openEnums.contains(name) {
                    model.cases[index].keepsUnknownValues = true
                }
            }
            if model.discriminator != nil {
                model.discriminatorBranches = branches(of: model.cases) { type in
                    if case .named(let name) = type { return requiredCounts[name] ?? 0 }
                    return 0
                }
            }
            declarations[position].kind = .union(model)
        }
    }

    /// One branch per case with the values only it pins, in case order; a value pinned by
    /// several cases gets a branch of its own after the first of them (values pinned by the
    /// same cases share it).
    static func branches(of cases: [UnionModel.Case], requiredCount: (TypeRef) -> Int)
        -> [UnionModel.DiscriminatorBranch]
    {
        var owners: [String: [Int]] = [:]
        for (index, item) in cases.enumerated() {
            for value in item.discriminatorValues where owners[value]?.last != index {
                owners[value, default: []].append(index)
            }
        }
        var branches: [UnionModel.DiscriminatorBranch] = []
        var placed: Set<String> = []
        for (index, item) in cases.enumerated() {
            let own = item.discriminatorValues.filter { owners[$0] == [index] && placed.insert($0).inserted }
            if !own.isEmpty { branches.append(.init(values: own, caseIndices: [index])) }
            for value in item.discriminatorValues where owners[value]!.count > 1 && owners[value]![0] == index {
                guard placed.insert(value).inserted else { continue }
                let sharers = owners[value]!
                if let same = branches.firstIndex(where: {
                    $0.caseIndices.count > 1 && Set($0.caseIndices) == Set(sharers)
                }) {
                    branches[same].values.append(value)
                    continue
                }
                // Stable: among equally demanding alternatives, the document's order.
                let ordered = sharers.enumerated().sorted {
                    let (left, right) = (requiredCount(cases[$0.element].type), requiredCount(cases[$1.element].type))
                    return left != right ? left > right : $0.offset < $1.offset
                }.map(\.element)
                branches.append(.init(values: [value], caseIndices: ordered))
            }
        }
        return branches
    }
}
