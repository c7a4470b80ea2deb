import SpecforgeDiagnostics
import SpecforgeParser

/// Translates schemas into Swift types, declaring a named type for every component schema and
/// hoisting inline objects, enums and unions into named types of their own.
final class TypeTranslator {
    let references: ResolvedDocument
    let diagnostics: Diagnostics
    let options: ModelOptions

    private(set) var declarations: [TypeDeclaration] = []
    /// The names of the declared structs: the types that are JSON objects.
    private(set) var structNames: Set<String> = []
    /// Type names in use (case-insensitive, as generated files must not collide).
    var typeNames = UniqueNames(reserved: SwiftNames.reservedTypeNames)
    /// The keys of `names.types` that named something: schema names, inline schemas' JSON
    /// pointers and generated names (see `ConfigNameCheck`).
    var usedNameOverrides: Set<String> = []
    /// Swift name of each named schema, by reference key.
    private var namesByKey: [String: String] = [:]
    /// Named schemas whose values may be null: every use of them is optional.
    private var nullableKeys: Set<String> = []
    /// Schemas that only express null (drf-spectacular's `NullEnum`): uses become optionality.
    private var nullOnlyKeys: Set<String> = []
    private var pending: [(key: String, name: String, schema: Schema)] = []
    /// Structs being declared, by where their schema is written: a property that leads back to its own inline schema
    /// (an inline `allOf` that includes the object it sits in) names the struct instead of
    /// hoisting it again, forever.
    private var structsInProgress: [SourceLocation: String] = [:]
    /// Enum cases by raw type and values (see `enumModel(values:rawType:)`).
    var enumModels: [String: EnumModel] = [:]

    init(references: ResolvedDocument, diagnostics: Diagnostics, options: ModelOptions) {
        self.references = references
        self.diagnostics = diagnostics
        self.options = options
    }

    // MARK: - Named schemas

    /// Claims names for the document's component schemas, in document order, before anything
    /// inline can take them.
    func registerComponents(_ schemas: [(name: String, schema: Schema)], file: String) {
        for (rawName, schema) in schemas {
            let key = file + JSONPointer.appending("#/components/schemas", rawName)
            if isNullOnly(schema) {
                nullOnlyKeys.insert(key)
                continue
            }
            if let mapped = options.typeMappings[rawName] {
                namesByKey[key] = mapped
                continue
            }
            if options.typeNameOverrides[rawName] != nil { usedNameOverrides.insert(rawName) }
            let wanted = options.typeNameOverrides[rawName] ?? SwiftNames.safeTypeName(rawName)
            let name = typeNames.claim(wanted)
            namesByKey[key] = name
            pending.append((key, name, schema))
        }
    }

    /// The name of a type hoisted from an inline schema: generated from `hint` (the names
    /// around it), unless `names.types` renames it by its JSON pointer or by that generated name.
    func inlineTypeName(_ hint: String, _ schema: Schema) -> String {
        let generated = SwiftNames.safeTypeName(hint)
        for key in [schema.pointer, generated] {
            if let wanted = options.typeNameOverrides[key] {
                usedNameOverrides.insert(key)
                return typeNames.claim(wanted)
            }
        }
        return typeNames.claim(generated)
    }

    /// Declares every named schema registered so far (and those they reach).
    func declarePending() {
        while !pending.isEmpty {
            let (key, name, schema) = pending.removeFirst()
            let type = translate(schema, hint: name, inObject: false, declaringAs: name)
            if type.isOptional { nullableKeys.insert(key) }
        }
    }

    /// The type a reference stands for, registering the target as a named type on first use.
    private func namedType(for reference: Reference) -> TypeRef? {
        if nullOnlyKeys.contains(reference.key) { return nil }
        if let name = namesByKey[reference.key] {
            return nullableKeys.contains(reference.key) ? .optional(.named(name)) : .named(name)
        }
        guard let target = references.schema(for: reference) else { return .json }
        if target.isPlainReference, let next = target.reference {
            // An alias of another schema: use the final target's type.
            guard !aliasChainIsCyclic(from: reference) else { return .json }
            let type = namedType(for: next)
            return type
        }
        if isNullOnly(target) {
            nullOnlyKeys.insert(reference.key)
            return nil
        }
        // A schema reached only by reference (another file, or a deep pointer): name it after
        // its last pointer segment or file name.
        let name = typeNames.claim(SwiftNames.safeTypeName(reference.suggestedName))
        namesByKey[reference.key] = name
        pending.append((reference.key, name, target))
        return target.nullable ? .optional(.named(name)) : .named(name)
    }

    private func aliasChainIsCyclic(from reference: Reference) -> Bool {
        references.resolveSchema(Schema.referencing(reference)) == nil
    }

    // MARK: - Translation

    /// The Swift type of `schema`. `hint` names hoisted inline types; `inObject` says binary
    /// data is a file part; `declaringAs` is set when the schema is a named one being declared.
    func translate(_ schema: Schema, hint: String, inObject: Bool, declaringAs name: String? = nil) -> TypeRef {
        let type = translateIgnoringNull(schema, hint: hint, inObject: inObject, declaringAs: name)
        return schema.nullable ? type.optional : type
    }

    private func translateIgnoringNull(
        _ schema: Schema,
        hint: String,
        inObject: Bool,
        declaringAs name: String?
    ) -> TypeRef {
        if let inProgress = structsInProgress[schema.location] {
            return declaringAs(name, alias: .named(inProgress), schema: schema)
        }
        if let reference = schema.reference, schema.isPlainReference || !hasStructure(schema) {
            let type = namedType(for: reference) ?? .optional(.json)
            return declaringAs(name, alias: type, schema: schema)
        }
        if let reference = schema.reference {
            // 3.1: `$ref` with sibling keywords means both apply, as `allOf` would.
            return translateAllOf(
                schema,
                members: [Schema.referencing(reference)] + schema.allOf,
                hint: hint,
                inObject: inObject,
                declaringAs: name
            )
        }
        if !schema.allOf.isEmpty {
            return translateAllOf(schema, members: schema.allOf, hint: hint, inObject: inObject, declaringAs: name)
        }
        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty, schema.properties.isEmpty {
            return translateUnion(schema, hint: hint, inObject: inObject, declaringAs: name)
        }
        if let values = schema.enumValues {
            return translateEnum(schema, values: values, hint: hint, declaringAs: name)
        }
        if let constant = schema.constValue {
            return translateEnum(schema, values: [constant], hint: hint, declaringAs: name)
        }
        return translateByType(schema, hint: hint, inObject: inObject, declaringAs: name)
    }

    private func hasStructure(_ schema: Schema) -> Bool {
        !schema.types.filter { $0 != "null" }.isEmpty || !schema.properties.isEmpty || schema.items != nil
            || !schema.allOf.isEmpty || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty || schema.enumValues != nil
    }

    private func translateByType(_ schema: Schema, hint: String, inObject: Bool, declaringAs name: String?) -> TypeRef {
        let concrete = schema.types.filter { $0 != "null" }
        if concrete.count > 1 {
            warnLoose(schema, "a value of several types (\(concrete.joined(separator: ", "))) is mapped to JSONValue")
            return declaringAs(name, alias: .json, schema: schema)
        }
        let type = concrete.first ?? inferredType(schema)
        switch type {
        case "object":
            return translateObject(schema, hint: hint, declaringAs: name)
        case "array":
            let element = schema.items.map { translate($0, hint: hint + "Item", inObject: inObject) } ?? .json
            return declaringAs(name, alias: .array(element), schema: schema)
        case "string":
            return declaringAs(name, alias: stringType(format: schema.format, inObject: inObject), schema: schema)
        case "integer":
            let integer: TypeRef = schema.format == "int32" ? .int32 : schema.format == "int64" ? .int64 : .int
            return declaringAs(name, alias: integer, schema: schema)
        case "number":
            return declaringAs(name, alias: schema.format == "float" ? .float : .double, schema: schema)
        case "boolean":
            return declaringAs(name, alias: .bool, schema: schema)
        case "null":
            return declaringAs(name, alias: .optional(.json), schema: schema)
        case "":
            return declaringAs(name, alias: .json, schema: schema)
        default:
            diagnostics.error("unknown schema type '\(type)'", at: schema.location, pointer: schema.pointer)
            return .json
        }
    }

    /// Schemas without `type` still say what they are through their keywords.
    private func inferredType(_ schema: Schema) -> String {
        if !schema.properties.isEmpty { return "object" }
        if case .schema = schema.additionalProperties { return "object" }
        if schema.items != nil { return "array" }
        if schema.format != nil { return "string" }
        return ""
    }

    private func stringType(format: String?, inObject: Bool) -> TypeRef {
        switch format {
        case "date-time": return .dateTime
        case "date": return .date
        case "uuid": return .uuid
        case "binary": return inObject ? .file : .data
        case "byte": return .data
        default: return .string
        }
    }

    private func translateObject(_ schema: Schema, hint: String, declaringAs name: String?) -> TypeRef {
        if schema.properties.isEmpty {
            switch schema.additionalProperties {
            case .schema(let values):
                let value = translate(values, hint: hint + "Value", inObject: true)
                return declaringAs(name, alias: .map(value), schema: schema)
            case .allowed(false):
                break  // An object with no properties at all: an empty struct.
            case .allowed(true), .unspecified:
                return declaringAs(name, alias: .map(.json), schema: schema)
            }
        }
        let typeName = name ?? inlineTypeName(hint, schema)
        return declareStruct(typeName, for: schema, properties: schema.properties, required: Set(schema.required))
    }

    func declareStruct(
        _ typeName: String,
        for schema: Schema,
        properties: [(name: String, schema: Schema)],
        required: Set<String>
    ) -> TypeRef {
        structsInProgress[schema.location] = typeName
        defer { structsInProgress[schema.location] = nil }
        var model = structModel(properties: properties, required: required, typeName: typeName)
        model.additionalProperties = additionalPropertiesSummary(schema)
        declare(typeName, .structure(model), schema: schema)
        return .named(typeName)
    }

    /// For a named schema that is not itself a struct, enum or union: a `typealias`.
    func declaringAs(_ name: String?, alias type: TypeRef, schema: Schema) -> TypeRef {
        guard let name else { return type }
        declare(name, .alias(type.unwrapped), schema: schema)
        return type.isOptional ? .optional(.named(name)) : .named(name)
    }

    func declare(_ name: String, _ kind: TypeDeclaration.Kind, schema: Schema) {
        if case .structure = kind { structNames.insert(name) }
        declarations.append(
            TypeDeclaration(
                name: name,
                documentation: schema.description ?? schema.title,
                deprecated: schema.deprecated,
                kind: kind,
                pointer: schema.pointer
            )
        )
    }

    func warnLoose(_ schema: Schema, _ message: String) {
        diagnostics.warning(message, at: schema.location, pointer: schema.pointer)
    }

    // MARK: - Null

    /// True for schemas that admit nothing but null: `enum: [null]`, `type: "null"`.
    func isNullOnly(_ schema: Schema) -> Bool {
        var schema = schema
        if schema.isPlainReference {
            guard let resolved = references.resolveSchema(schema) else { return false }
            schema = resolved.schema
        }
        if schema.types == ["null"] { return true }
        if let values = schema.enumValues, !values.isEmpty {
            return values.allSatisfy { $0.scalar?.isNull == true }
        }
        return false
    }
}
