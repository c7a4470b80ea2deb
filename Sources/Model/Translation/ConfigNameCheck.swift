import SpecforgeDiagnostics
import SpecforgeParser

/// Every name the configuration gives must name something in the document: a tag, a path
/// prefix, an operationId, a schema (or, for `names.types`, an inline schema by its JSON
/// pointer or generated name), a `Schema.property`. One that does not is a mistake that
/// would otherwise pass without a word (`include: {tags: [timeline]}` for `timelines` keeps
/// no operation at all), so it is a warning where it is written — an error under `--strict`
/// — with the closest real name when one is close.
enum ConfigNameCheck {
    static func check(
        _ names: [ConfigName],
        document: OpenAPIDocument,
        usedTypeNames: Set<String>,
        diagnostics: Diagnostics
    ) {
        guard !names.isEmpty else { return }
        let operations = document.paths.flatMap(\.operations)
        let tags = Set(operations.flatMap(\.tags) + document.tags.map(\.name))
        let operationIds = Set(operations.compactMap(\.operationId))
        let paths = document.paths.map(\.path)
        let schemas = Dictionary(document.components.schemas.map { ($0.name, $0.schema) }) { first, _ in first }
        for name in names {
            let candidates: [String]
            switch name.kind {
            case .includeTag, .excludeTag:
                if tags.contains(name.value) { continue }
                candidates = tags.sorted()
            case .includePath, .excludePath:
                if paths.contains(where: { $0.hasPrefix(name.value) }) { continue }
                candidates = paths
            case .includeOperation, .excludeOperation, .operationName, .pagination:
                if operationIds.contains(name.value) { continue }
                candidates = operationIds.sorted()
            case .typeMapping:
                if schemas[name.value] != nil { continue }
                candidates = schemas.keys.sorted()
            case .typeName:
                if usedTypeNames.contains(name.value) { continue }
                candidates = schemas.keys.sorted()
            case .formProperty:
                let parts = name.value.split(separator: ".", maxSplits: 1).map(String.init)
                guard parts.count == 2, let schema = schemas[parts[0]] else {
                    candidates = schemas.keys.sorted()
                    break
                }
                let properties = schema.properties.map(\.name) + schema.allOf.flatMap { $0.properties.map(\.name) }
                if properties.contains(parts[1]) { continue }
                candidates = properties.map { parts[0] + "." + $0 }
            }
            let what = Self.what[name.kind]!
            var message = "'\(name.value)' in \(name.kind.rawValue) matches no \(what) of the document"
            if let close = NameSuggestion.closest(to: name.value, in: candidates) {
                message += "; did you mean '\(close)'?"
            }
            diagnostics.warning(message, at: name.location, pointer: name.pointer)
        }
    }

    private static let what: [ConfigName.Kind: String] = [
        .includeTag: "tag", .excludeTag: "tag", .includePath: "path", .excludePath: "path",
        .includeOperation: "operationId", .excludeOperation: "operationId", .operationName: "operationId",
        .pagination: "operationId",
        .typeMapping: "schema", .typeName: "schema (by name, JSON pointer or generated name)",
        .formProperty: "schema property",
    ]
}
