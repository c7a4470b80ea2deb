/// Finds the struct properties that make a struct contain itself by value (directly or through
/// other structs) and marks them `indirect`; the template stores those out of line. Arrays,
/// maps and unions (generated as `indirect enum`) already break such cycles.
enum RecursiveStructs {
    static func markIndirectProperties(_ declarations: inout [TypeDeclaration]) {
        let index = Dictionary(declarations.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        func structTarget(_ type: TypeRef) -> String? {
            var type = type.unwrapped
            var seen: Set<String> = []
            while case .named(let name) = type, let position = index[name], seen.insert(name).inserted {
                switch declarations[position].kind {
                case .structure: return name
                case .alias(let target): type = target.unwrapped
                case .openEnum, .union: return nil
                }
            }
            return nil
        }
        // The struct each property holds by value, if any, per struct.
        var targets: [String: [String?]] = [:]
        for declaration in declarations {
            guard case .structure(let model) = declaration.kind else { continue }
            targets[declaration.name] = model.properties.map { structTarget($0.type) }
        }
        let component = StronglyConnected.components(of: targets.mapValues { $0.compactMap { $0 } })
        for position in declarations.indices {
            let name = declarations[position].name
            guard case .structure(var model) = declarations[position].kind, let group = component[name],
                let propertyTargets = targets[name]
            else { continue }
            // A property pointing into its own strongly connected component closes a cycle.
            for (property, target) in zip(model.properties.indices, propertyTargets)
            where target.flatMap({ component[$0] }) == group {
                model.properties[property].indirect = true
            }
            declarations[position].kind = .structure(model)
        }
    }
}

/// Finds the unions that contain themselves, through their alternatives and whatever those
/// hold, and marks them recursive: only those need to be an `indirect enum`.
enum RecursiveUnions {
    static func mark(_ declarations: inout [TypeDeclaration]) {
        func named(_ type: TypeRef) -> [String] {
            switch type {
            case .named(let name): return [name]
            case .array(let element), .map(let element), .optional(let element), .nullable(let element):
                return named(element)
            default: return []
            }
        }
        var edges: [String: [String]] = [:]
        for declaration in declarations {
            switch declaration.kind {
            case .structure(let model): edges[declaration.name] = model.properties.flatMap { named($0.type) }
            case .union(let model): edges[declaration.name] = model.cases.flatMap { named($0.type) }
            case .alias(let target): edges[declaration.name] = named(target)
            case .openEnum: break
            }
        }
        let component = StronglyConnected.components(of: edges)
        for position in declarations.indices {
            guard case .union(var model) = declarations[position].kind else { continue }
            model.isRecursive = component[declarations[position].name] != nil
            declarations[position].kind = .union(model)
        }
    }
}

/// Tarjan's algorithm, iterative so deep graphs cannot overflow the stack. Nodes on no cycle
/// get no component number.
enum StronglyConnected {
    static func components(of edges: [String: [String]]) -> [String: Int] {
        var indexOf: [String: Int] = [:]
        var lowLink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var result: [String: Int] = [:]
        var nextIndex = 0
        var nextComponent = 0
        for root in edges.keys.sorted() where indexOf[root] == nil {
            var work: [(node: String, edge: Int)] = [(root, 0)]
            indexOf[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack.insert(root)
            while let (node, current) = work.popLast() {
                var edge = current
                let targets = edges[node] ?? []
                if edge < targets.count {
                    let target = targets[edge]
                    edge += 1
                    work.append((node, edge))
                    if indexOf[target] == nil {
                        indexOf[target] = nextIndex
                        lowLink[target] = nextIndex
                        nextIndex += 1
                        stack.append(target)
                        onStack.insert(target)
                        work.append((target, 0))
                    } else if onStack.contains(target) {
                        lowLink[node] = min(lowLink[node]!, indexOf[target]!)
                    }
                    continue
                }
                if let parent = work.last?.node {
                    lowLink[parent] = min(lowLink[parent]!, lowLink[node]!)
                }
                guard lowLink[node] == indexOf[node] else { continue }
                var members: [String] = []
                while let member = stack.popLast() {
                    onStack.remove(member)
                    members.append(member)
                    if member == node { break }
                }
                let isCycle = members.count > 1 || (edges[node] ?? []).contains(node)
                if isCycle {
                    for member in members { result[member] = nextComponent }
                    nextComponent += 1
                }
            }
        }
        return result
    }
}
