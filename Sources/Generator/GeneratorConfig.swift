import Foundation
import SpecforgeDiagnostics
import SpecforgeModel
import SpecforgeParser
import SpecforgePostProcessor

/// The generator's configuration file (YAML or JSON):
///
/// ```yaml
/// module: CVAT                 # Swift module name (informational; the package decides)
/// templates: Templates         # directory of template overrides, relative to this file
/// include:                     # keep only these (each list optional)
///   tags: [tasks, projects]
///   paths: [/api/tasks]        # path prefixes
///   operations: [tasks_list]   # operationIds
/// exclude:                     # drop these
///   tags: [lambda]
/// names:
///   types: { NullEnum: Nothing }       # schema name → Swift type name
///   operations: { tasks_list: listTasks }
/// typeMappings: { Timestamp: Date }    # schema name → existing Swift type
/// shards: 8                    # ApiClient.swift + Shard00…Shard07.swift, not a file per type
/// forms:                       # how form bodies (multipart, URL-encoded) name array items
///   arrays: indexed            # repeated (default: tag, tag), indexed (tag[0], tag[1]),
///                              # json (one field), commaSeparated (tag=a,b)
///   properties:                # per property, `Schema.property` (wins over `encoding`)
///     DataRequest.server_files_exclude: repeated
/// ```
public struct GeneratorConfig: Sendable {
    public var model = ModelOptions()
    public var templatesDirectory: String?
    /// `shards: N`: `ApiClient.swift` and N shard files instead of a file per declaration.
    public var layout = OutputLayout.filePerDeclaration

    public init() {}

    /// Reads a configuration file, reporting unknown keys and wrong value types.
    public static func load(path: String, diagnostics: Diagnostics) throws(Diagnostic) -> GeneratorConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.error("cannot read configuration file '\(path)'")
        }
        var config = GeneratorConfig()
        // An empty file (what a user creates first), comments only, `---` or `null`: the defaults.
        let root = try DocumentText.parse([UInt8](data), file: path, emptyAsNull: true)
        if root.scalar?.isNull == true { return config }
        let reader = ConfigReader(diagnostics: diagnostics)
        guard let map = reader.mapping(root, "#") else { return config }
        for entry in map.entries {
            let pointer = "#/" + entry.key
            switch entry.key {
            case "module":
                if let name = reader.string(entry.value, pointer) { config.model.moduleName = name }
            case "templates":
                if let directory = reader.string(entry.value, pointer) {
                    config.templatesDirectory =
                        directory.hasPrefix("/")
                        ? directory : (path as NSString).deletingLastPathComponent + "/" + directory
                }
            case "include":
                let filter = reader.filter(entry.value, pointer)
                config.model.includeTags = filter.tags.map(Set.init)
                config.model.includePaths = filter.paths
                config.model.includeOperations = filter.operations.map(Set.init)
                config.model.origins += Self.filterOrigins(
                    entry.value,
                    pointer,
                    [.includeTag, .includePath, .includeOperation]
                )
            case "exclude":
                let filter = reader.filter(entry.value, pointer)
                config.model.excludeTags = Set(filter.tags ?? [])
                config.model.excludePaths = filter.paths ?? []
                config.model.excludeOperations = Set(filter.operations ?? [])
                config.model.origins += Self.filterOrigins(
                    entry.value,
                    pointer,
                    [.excludeTag, .excludePath, .excludeOperation]
                )
            case "names":
                guard let names = reader.mapping(entry.value, pointer) else { continue }
                for item in names.entries {
                    let itemPointer = pointer + "/" + item.key
                    switch item.key {
                    case "types":
                        config.model.typeNameOverrides = reader.stringMap(item.value, itemPointer)
                        config.model.origins += Self.keyOrigins(item.value, .typeName, itemPointer)
                    case "operations":
                        config.model.operationNameOverrides = reader.stringMap(item.value, itemPointer)
                        config.model.origins += Self.keyOrigins(item.value, .operationName, itemPointer)
                    default: reader.unknown(item.key, item.keyLocation, itemPointer, expected: ["types", "operations"])
                    }
                }
            case "typeMappings":
                config.model.typeMappings = reader.stringMap(entry.value, pointer)
                config.model.origins += Self.keyOrigins(entry.value, .typeMapping, pointer)
            case "forms":
                reader.forms(entry.value, pointer, into: &config.model)
                if let properties = entry.value.mapping?["properties"] {
                    config.model.origins += Self.keyOrigins(properties, .formProperty, pointer + "/properties")
                }
            case "securitySchemes":
                config.model.extraSecuritySchemes = reader.securitySchemes(entry.value, pointer)
            case "security":
                if let names = reader.strings(entry.value, pointer) {
                    config.model.defaultSecurity = names.map { [$0] }
                }
            case "pagination":
                config.model.pagination = reader.pagination(entry.value, pointer)
                config.model.origins += Self.keyOrigins(entry.value, .pagination, pointer)
            case "shards":
                if let count = reader.shardCount(entry.value, pointer) { config.layout = .shards(count) }
            case "groups":
                config.model.grouping = reader.grouping(entry.value, pointer)
            default:
                reader.unknown(
                    entry.key,
                    entry.keyLocation,
                    pointer,
                    expected: [
                        "module", "templates", "include", "exclude", "names", "typeMappings", "forms", "pagination",
                        "securitySchemes", "security", "shards", "groups",
                    ]
                )
            }
        }
        return config
    }

    /// Where each name of an `include` or `exclude` filter is written.
    private static func filterOrigins(_ node: Node, _ pointer: String, _ kinds: [ConfigName.Kind]) -> [ConfigName] {
        zip(["tags", "paths", "operations"], kinds).flatMap { key, kind -> [ConfigName] in
            guard let items = node.mapping?[key]?.sequence else { return [] }
            return items.enumerated().compactMap { index, item in
                item.scalar.map { ConfigName(kind, $0.value, at: item.location, pointer: "\(pointer)/\(key)/\(index)") }
            }
        }
    }

    /// Where each key of a `names`, `typeMappings` or `forms.properties` mapping is written.
    private static func keyOrigins(_ node: Node, _ kind: ConfigName.Kind, _ pointer: String) -> [ConfigName] {
        node.mapping?.entries.map {
            ConfigName(kind, $0.key, at: $0.keyLocation, pointer: JSONPointer.appending(pointer, $0.key))
        } ?? []
    }
}

/// Typed reads from the configuration tree, each mismatch a located error.
private struct ConfigReader {
    let diagnostics: Diagnostics

    func mapping(_ node: Node, _ pointer: String) -> Mapping? {
        if let mapping = node.mapping { return mapping }
        diagnostics.error("expected a mapping, found \(node.kindName)", at: node.location, pointer: pointer)
        return nil
    }

    func string(_ node: Node, _ pointer: String) -> String? {
        if let scalar = node.scalar, !scalar.isNull { return scalar.value }
        diagnostics.error("expected a string, found \(node.kindName)", at: node.location, pointer: pointer)
        return nil
    }

    func strings(_ node: Node, _ pointer: String) -> [String]? {
        guard let items = node.sequence else {
            diagnostics.error("expected a list of strings, found \(node.kindName)", at: node.location, pointer: pointer)
            return nil
        }
        return items.enumerated().compactMap { string($1, "\(pointer)/\($0)") }
    }

    func stringMap(_ node: Node, _ pointer: String) -> [String: String] {
        guard let map = mapping(node, pointer) else { return [:] }
        var result: [String: String] = [:]
        for entry in map.entries {
            if let value = string(entry.value, pointer + "/" + entry.key) { result[entry.key] = value }
        }
        return result
    }

    func filter(_ node: Node, _ pointer: String) -> (tags: [String]?, paths: [String]?, operations: [String]?) {
        guard let map = mapping(node, pointer) else { return (nil, nil, nil) }
        var result: (tags: [String]?, paths: [String]?, operations: [String]?) = (nil, nil, nil)
        for entry in map.entries {
            let itemPointer = pointer + "/" + entry.key
            switch entry.key {
            case "tags": result.tags = strings(entry.value, itemPointer)
            case "paths": result.paths = strings(entry.value, itemPointer)
            case "operations": result.operations = strings(entry.value, itemPointer)
            default: unknown(entry.key, entry.keyLocation, itemPointer, expected: ["tags", "paths", "operations"])
            }
        }
        return result
    }

    func shardCount(_ node: Node, _ pointer: String) -> Int? {
        guard let text = string(node, pointer) else { return nil }
        guard let count = Int(text), OutputLayout.shardRange.contains(count) else {
            diagnostics.error(
                "expected a number of shards from \(OutputLayout.shardRange.lowerBound) to \(OutputLayout.shardRange.upperBound), found '\(text)'",
                at: node.location,
                pointer: pointer
            )
            return nil
        }
        return count
    }

    /// `securitySchemes: {token: {type: http, scheme: bearer}, key: {type: apiKey, in: header, name: X-Key}}`:
    /// schemes the document does not declare, spelled as in OpenAPI and read by the parser's
    /// own reader; the model translates them as it translates the document's. Only what a
    /// client can send is accepted here: HTTP basic or bearer, an API key, OAuth 2 or OpenID
    /// Connect (bearer tokens).
    func securitySchemes(_ node: Node, _ pointer: String) -> [(name: String, scheme: SecurityScheme)] {
        guard let map = mapping(node, pointer) else { return [] }
        return map.entries.compactMap { entry -> (name: String, scheme: SecurityScheme)? in
            let entryPointer = JSONPointer.appending(pointer, entry.key)
            guard let scheme = SecuritySchemeReader.read(entry.value, at: entryPointer, diagnostics: diagnostics) else {
                return nil
            }
            switch scheme.kind {
            case .http(let name, _) where name != "basic" && name != "bearer":
                break
            case .mutualTLS:
                break
            default:
                return (entry.key, scheme)
            }
            diagnostics.error(
                "expected 'type: http' with 'scheme: basic' or 'bearer', 'type: apiKey', 'oauth2' or 'openIdConnect'",
                at: entry.value.location,
                pointer: entryPointer
            )
            return nil
        }
    }

    /// `pagination: {operationId: {style: link|cursor|offset, parameter: …, items: …, next: …, total: …}}`.
    func pagination(_ node: Node, _ pointer: String) -> [String: PaginationOption] {
        guard let map = mapping(node, pointer) else { return [:] }
        var result: [String: PaginationOption] = [:]
        for entry in map.entries {
            let entryPointer = JSONPointer.appending(pointer, entry.key)
            guard let fields = mapping(entry.value, entryPointer) else { continue }
            var values: [String: String] = [:]
            for field in fields.entries {
                let fieldPointer = entryPointer + "/" + field.key
                guard ["style", "parameter", "items", "next", "total"].contains(field.key) else {
                    unknown(
                        field.key,
                        field.keyLocation,
                        fieldPointer,
                        expected: ["style", "parameter", "items", "next", "total"]
                    )
                    continue
                }
                values[field.key] = string(field.value, fieldPointer)
            }
            let styles: [String: PaginationModel.Style] = ["link": .linkHeader, "cursor": .cursor, "offset": .offset]
            guard let styleName = values["style"], let style = styles[styleName] else {
                diagnostics.error(
                    "expected 'style: link', 'style: cursor' or 'style: offset'",
                    at: fields.entry("style")?.value.location ?? entry.keyLocation,
                    pointer: entryPointer + "/style"
                )
                continue
            }
            result[entry.key] = PaginationOption(
                style: style,
                parameter: values["parameter"],
                items: values["items"],
                next: values["next"],
                total: values["total"],
                location: entry.keyLocation,
                pointer: entryPointer
            )
        }
        return result
    }

    /// `forms: {arrays: STYLE, properties: {Schema.property: STYLE}}`.
    func forms(_ node: Node, _ pointer: String, into options: inout ModelOptions) {
        guard let map = mapping(node, pointer) else { return }
        for entry in map.entries {
            let itemPointer = pointer + "/" + entry.key
            switch entry.key {
            case "arrays":
                if let style = arrayStyle(entry.value, itemPointer) { options.formArrayStyle = style }
            case "properties":
                guard let properties = mapping(entry.value, itemPointer) else { continue }
                for property in properties.entries {
                    let propertyPointer = itemPointer + "/" + property.key
                    guard property.key.contains(".") else {
                        diagnostics.error(
                            "expected 'Schema.property', found '\(property.key)'",
                            at: property.keyLocation,
                            pointer: propertyPointer
                        )
                        continue
                    }
                    if let style = arrayStyle(property.value, propertyPointer) {
                        options.formArrayStyles[property.key] = style
                    }
                }
            default: unknown(entry.key, entry.keyLocation, itemPointer, expected: ["arrays", "properties"])
            }
        }
    }

    private func arrayStyle(_ node: Node, _ pointer: String) -> FormEncodingModel.ArrayStyle? {
        guard let text = string(node, pointer) else { return nil }
        guard let style = FormEncodingModel.ArrayStyle(rawValue: text) else {
            let expected = FormEncodingModel.ArrayStyle.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.error(
                "unknown array style '\(text)' (expected \(expected))",
                at: node.location,
                pointer: pointer
            )
            return nil
        }
        return style
    }

    /// `groups: tags`, `groups: paths`, or `groups: {/users/@me: me, /channels: channels}` (path
    /// prefixes naming groups, the rest by path).
    func grouping(_ node: Node, _ pointer: String) -> Grouping? {
        if let text = node.scalar?.value {
            switch text {
            case "tags": return .tags
            case "paths": return .paths(prefixes: [])
            default:
                diagnostics.error(
                    "unknown grouping '\(text)'\(NameSuggestion.didYouMean(text, in: ["tags", "paths"])) (expected tags, "
                        + "paths, or a map from path prefix to group name)",
                    at: node.location,
                    pointer: pointer
                )
                return nil
            }
        }
        guard let map = mapping(node, pointer) else { return nil }
        var prefixes: [(prefix: String, group: String)] = []
        for entry in map.entries {
            let itemPointer = JSONPointer.appending(pointer, entry.key)
            guard entry.key.hasPrefix("/") else {
                diagnostics.error(
                    "a path prefix starts with '/', found '\(entry.key)'",
                    at: entry.keyLocation,
                    pointer: itemPointer
                )
                continue
            }
            if let group = string(entry.value, itemPointer) { prefixes.append((entry.key, group)) }
        }
        return .paths(prefixes: prefixes)
    }

    func unknown(_ key: String, _ location: SourceLocation, _ pointer: String, expected keys: [String]) {
        diagnostics.error(
            "unknown configuration key '\(key)'\(NameSuggestion.didYouMean(key, in: keys)) "
                + "(expected \(keys.joined(separator: ", ")))",
            at: location,
            pointer: pointer
        )
    }
}
