import SpecforgeDiagnostics

/// Reads typed values out of nodes, reporting every mismatch with its location and pointer
/// instead of failing: a wrong node becomes a diagnostic and a missing value.
struct NodeReader {
    let diagnostics: Diagnostics

    func mapping(_ node: Node, at pointer: String, expected what: String) -> Mapping? {
        if let mapping = node.mapping { return mapping }
        diagnostics.error("\(what) must be a mapping, found \(node.kindName)", at: node.location, pointer: pointer)
        return nil
    }

    func sequence(_ node: Node, at pointer: String, expected what: String) -> [Node]? {
        if let items = node.sequence { return items }
        diagnostics.error("\(what) must be a sequence, found \(node.kindName)", at: node.location, pointer: pointer)
        return nil
    }

    func string(_ mapping: Mapping, _ key: String, at pointer: String) -> String? {
        guard let node = mapping[key] else { return nil }
        if let scalar = node.scalar, !scalar.isNull || !scalar.isPlain { return scalar.value }
        if node.scalar?.isNull == true { return nil }
        diagnostics.error(
            "'\(key)' must be a string, found \(node.kindName)",
            at: node.location,
            pointer: JSONPointer.appending(pointer, key)
        )
        return nil
    }

    /// Human-readable text (`description`, `summary`, `title`): only documentation depends on
    /// it, so a value of the wrong kind is a warning and is ignored.
    func text(_ mapping: Mapping, _ key: String, at pointer: String) -> String? {
        guard let node = mapping[key] else { return nil }
        if let scalar = node.scalar { return scalar.isNull && scalar.isPlain ? nil : scalar.value }
        let how = node["$ref"] != nil ? "given by '$ref' is not supported" : "must be a string, found \(node.kindName)"
        diagnostics.warning(
            "'\(key)' \(how); it is ignored",
            at: node.location,
            pointer: JSONPointer.appending(pointer, key)
        )
        return nil
    }

    func bool(_ mapping: Mapping, _ key: String, at pointer: String) -> Bool? {
        guard let node = mapping[key] else { return nil }
        if let value = node.scalar?.bool { return value }
        diagnostics.error(
            "'\(key)' must be true or false, found '\(node.string ?? node.kindName)'",
            at: node.location,
            pointer: JSONPointer.appending(pointer, key)
        )
        return nil
    }

    /// A validation bound (`minimum`, `multipleOf`): only checks and documentation depend on
    /// it, so a value that is not a number is a warning and is ignored.
    func number(_ mapping: Mapping, _ key: String, at pointer: String) -> Double? {
        guard let node = mapping[key] else { return nil }
        if let value = node.scalar?.number, value.isFinite { return value }
        warnIgnored(key, node, expected: "a number", at: pointer)
        return nil
    }

    /// A length or an item count (`maxLength`, `minItems`): a non-negative integer.
    func count(_ mapping: Mapping, _ key: String, at pointer: String) -> Int? {
        guard let node = mapping[key] else { return nil }
        if let value = node.scalar?.integer, value >= 0 { return value }
        warnIgnored(key, node, expected: "a non-negative integer", at: pointer)
        return nil
    }

    private func warnIgnored(_ key: String, _ node: Node, expected: String, at pointer: String) {
        diagnostics.warning(
            "'\(key)' must be \(expected), found '\(node.string ?? node.kindName)'; it is ignored",
            at: node.location,
            pointer: JSONPointer.appending(pointer, key)
        )
    }

    func strings(_ mapping: Mapping, _ key: String, at pointer: String) -> [String] {
        guard let node = mapping[key] else { return [] }
        let keyPointer = JSONPointer.appending(pointer, key)
        guard let items = sequence(node, at: keyPointer, expected: "'\(key)'") else { return [] }
        return items.enumerated().compactMap { index, item in
            if let text = item.scalar?.value { return text }
            diagnostics.error(
                "'\(key)' items must be strings, found \(item.kindName)",
                at: item.location,
                pointer: JSONPointer.appending(keyPointer, String(index))
            )
            return nil
        }
    }

    /// The entries of an optional mapping-valued key, reporting a wrong node type.
    func entries(_ mapping: Mapping, _ key: String, at pointer: String) -> [Mapping.Entry] {
        guard let node = mapping[key] else { return [] }
        if node.scalar?.isNull == true { return [] }
        return self.mapping(node, at: JSONPointer.appending(pointer, key), expected: "'\(key)'")?.entries ?? []
    }
}
