import Foundation
import SpecforgeDiagnostics
import SpecforgeParser

/// The model stage's entry point: resolved document in, `ClientModel` and the model stage's
/// own diagnostics out (the document's are in `input.diagnostics`).
public enum ModelTranslator {
    public static func translate(_ input: ResolvedDocument, options: ModelOptions) -> (
        model: ClientModel, diagnostics: [Diagnostic]
    ) {
        let document = input.document
        let diagnostics = Diagnostics()
        let types = TypeTranslator(references: input, diagnostics: diagnostics, options: options)
        types.registerComponents(document.components.schemas, file: document.file)
        let operations = OperationTranslator(references: input, types: types, options: options)
        let groupNames = operations.claimGroupNames()
        types.declarePending()
        var groups = operations.translateGroups(names: groupNames)
        types.declarePending()

        var declarations = types.declarations
        if options.filtersOperations {
            declarations = ReachableTypes.prune(declarations, from: groups)
        }
        RecursiveStructs.markIndirectProperties(&declarations)
        RecursiveUnions.mark(&declarations)
        OnlyValueDefaults.mark(&declarations)
        UnionDecodingOrder.mark(&declarations)
        groups = nameNestedDeclarations(groups, taken: Set(declarations.map(\.name)))
        ClientSideChecks.mark(&declarations, groups: &groups)
        groups = PaginationStyles.resolve(
            groups,
            declarations: declarations,
            options: options,
            diagnostics: diagnostics
        )
        ConfigNameCheck.check(
            options.origins,
            document: document,
            usedTypeNames: types.usedNameOverrides,
            diagnostics: diagnostics
        )
        let model = ClientModel(
            moduleName: options.moduleName,
            title: document.info.title,
            version: document.info.version,
            description: document.info.description,
            serverURL: document.servers.first.map(defaultURL),
            groups: groups,
            types: declarations.sorted { $0.name < $1.name },
            securitySchemes: SecuritySchemeTranslation.models(
                document.components.securitySchemes
                    + options.extraSecuritySchemes.filter { extra in
                        !document.components.securitySchemes.contains { $0.name == extra.name }
                    }
            )
        )
        var result = model
        if let server = document.servers.first, !server.variables.isEmpty {
            result.serverTemplate = server.url
            var names = UniqueNames(reserved: [])
            var typeNames = UniqueNames(reserved: [])
            result.serverVariables = server.variables.map {
                var variable = ServerVariableModel(
                    name: names.claim(SwiftNames.safeMemberName($0.name)),
                    wireName: $0.name,
                    defaultValue: $0.defaultValue,
                    allowed: $0.allowed,
                    description: $0.description
                )
                if variable.allowed.contains(variable.defaultValue) {
                    variable.enumName = typeNames.claim("Server" + SwiftNames.typeName($0.name))
                    // Cases named as a schema's `enum` of the same strings would name them.
                    variable.cases = types.enumModel(values: variable.allowed, rawType: .string).cases
                }
                return variable
            }
        }
        return (result, diagnostics.all)
    }

    /// Names each operation's typed-error enum (`CreateError`), nested in its API type: where a
    /// model has that name the enum would hide it there, so it takes another; and the `…Stream`
    /// method of an operation whose success response may also be an event stream.
    private static func nameNestedDeclarations(_ groups: [APIGroup], taken: Set<String>) -> [APIGroup] {
        groups.map { group in
            var group = group
            var names = UniqueNames(reserved: taken.union([group.typeName]))
            for index in group.operations.indices where !group.operations[index].errorResponses.isEmpty {
                group.operations[index].errorTypeName = names.claim(
                    SwiftNames.typeName(group.operations[index].name) + "Error"
                )
            }
            // A success response that may also come as an event stream gets a `…Stream` method.
            var methods = UniqueNames(reserved: group.operations.flatMap { [$0.name, $0.name + "AllItems"] })
            for index in group.operations.indices {
                let operation = group.operations[index]
                guard let primary = operation.responses.first(where: \.isPrimary), primary.type != .eventStream,
                    primary.contentTypes.contains(where: { $0.lowercased().hasPrefix("text/event-stream") })
                else { continue }
                group.operations[index].streamMethodName = methods.claim(operation.name + "Stream")
            }
            return group
        }
    }

    /// A server's URL with every variable at its default.
    private static func defaultURL(_ server: Server) -> String {
        server.variables.reduce(server.url) { url, variable in
            url.replacingOccurrences(of: "{\(variable.name)}", with: variable.defaultValue)
        }
    }
}

/// Drops declarations no kept operation can reach, so a filtered client compiles less.
enum ReachableTypes {
    static func prune(_ declarations: [TypeDeclaration], from groups: [APIGroup]) -> [TypeDeclaration] {
        let byName = Dictionary(declarations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var reached: Set<String> = []
        var work: [TypeRef] = groups.flatMap(\.operations).flatMap { operation in
            operation.parameters.map(\.type) + [operation.body?.type, operation.returnType].compactMap { $0 }
                + operation.responses.compactMap(\.type)
        }
        while let type = work.popLast() {
            switch type {
            case .named(let name):
                guard reached.insert(name).inserted, let declaration = byName[name] else { continue }
                work += referencedTypes(declaration)
            case .array(let inner), .map(let inner), .optional(let inner), .nullable(let inner):
                work.append(inner)
            default:
                continue
            }
        }
        return declarations.filter { reached.contains($0.name) }
    }

    private static func referencedTypes(_ declaration: TypeDeclaration) -> [TypeRef] {
        switch declaration.kind {
        case .structure(let model): return model.properties.map(\.type)
        case .union(let model): return model.cases.map(\.type)
        case .alias(let type): return [type]
        case .openEnum: return []
        }
    }
}
