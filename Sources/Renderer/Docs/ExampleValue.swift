import Foundation
import SpecforgeModel

/// A Swift expression that builds an example value of a type, for the reference pages: a
/// literal, or a call or collection whose elements are built the same way.
///
/// Values come from the schema where it gives one (`example`, then `default`, then the first
/// `enum` value), otherwise from the type and the property's name, as the Python SDK's pages do
/// (`"name_example"`, `1`, `true`). Nested models are built out with every property they
/// declare, so an example shows the whole shape of a request; a model already being built
/// further up (a reference cycle) stops the descent, which is why a recursive type's example
/// ends.
indirect enum ExampleValue {
    /// Printed as it is: `"name_example"`, `1`, `DateTime.now`, `ProjectsListStatus.annotation`.
    case literal(String)
    /// `Callee(label: value, …)`; no arguments prints `Callee()`.
    case call(String, [(label: String?, value: ExampleValue)])
    /// `[a, b]`.
    case array([ExampleValue])
    /// `["key": value]`.
    case dictionary([(key: String, value: ExampleValue)])

    /// The expression, as it would be written inside a block indented by `indent` spaces:
    /// calls and collections that hold a call or a collection take a line per element.
    func swift(indent: Int = 0) -> String {
        let inner = String(repeating: " ", count: indent + 4)
        let closing = String(repeating: " ", count: indent)
        switch self {
        case .literal(let text):
            return text
        case .call(let callee, let arguments):
            let printed = arguments.map { ($0.label.map { $0 + ": " } ?? "") + $0.value.swift(indent: indent + 4) }
            if arguments.isEmpty { return callee + "()" }
            if arguments.count == 1, arguments[0].label == nil, printed[0].count < 60 {
                return callee + "(" + printed[0] + ")"
            }
            return callee + "(\n" + printed.map { inner + $0 }.joined(separator: ",\n") + "\n" + closing + ")"
        case .array(let elements):
            let printed = elements.map { $0.swift(indent: indent + 4) }
            if elements.allSatisfy(\.isSimple) { return "[" + printed.joined(separator: ", ") + "]" }
            return "[\n" + printed.map { inner + $0 + ",\n" }.joined() + closing + "]"
        case .dictionary(let entries):
            if entries.isEmpty { return "[:]" }
            let printed = entries.map { SwiftLiteral.string($0.key) + ": " + $0.value.swift(indent: indent + 4) }
            if entries.allSatisfy(\.value.isSimple) { return "[" + printed.joined(separator: ", ") + "]" }
            return "[\n" + printed.map { inner + $0 + ",\n" }.joined() + closing + "]"
        }
    }

    /// Short enough to share a line with its neighbours.
    private var isSimple: Bool {
        switch self {
        case .literal: return true
        case .call(_, let arguments): return arguments.isEmpty
        case .array(let elements): return elements.isEmpty
        case .dictionary(let entries): return entries.isEmpty
        }
    }
}

/// Builds `ExampleValue`s from the intermediate model's types.
struct ExampleBuilder: Sendable {
    /// Every declared type, by its Swift name.
    let types: [String: TypeDeclaration]

    /// Below this depth every model is built out; deeper, only its required properties are,
    /// which bounds the examples of documents whose models nest very deeply.
    private static let fullDepth = 6

    init(_ model: ClientModel) {
        types = Dictionary(model.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// An example of `type` for something named `name` on the wire, preferring the schema's own
    /// `example` and `default` (compact JSON text) where they fit the type.
    func value(
        of type: TypeRef,
        name: String,
        example: String? = nil,
        defaultValue: String? = nil,
        constraints: ValueConstraints = ValueConstraints()
    ) -> ExampleValue {
        var building: [String] = []
        let given = [example, defaultValue].compactMap { $0.flatMap(SampleJSON.init(text:)) }
        return value(of: type, name: name, given: given, constraints: constraints, building: &building)
    }

    private func value(
        of type: TypeRef,
        name: String,
        given: [SampleJSON],
        constraints: ValueConstraints,
        building: inout [String]
    ) -> ExampleValue {
        for candidate in given {
            if let literal = literal(candidate, as: type) { return literal }
        }
        switch type {
        case .string:
            return .literal(SwiftLiteral.string(name.isEmpty ? "example" : name + "_example"))
        case .int, .int32, .int64:
            return .literal(Self.integer(within: constraints))
        case .double, .float:
            return .literal(Self.decimal(within: constraints))
        case .bool:
            return .literal("true")
        case .dateTime:
            return .literal("DateTime.now")
        case .date:
            return .literal("CalendarDate(year: 2026, month: 1, day: 31)")
        case .uuid:
            return .literal("UUID()")
        case .data:
            return .literal("Data(\"\(name.isEmpty ? "example" : name) bytes\".utf8)")
        case .file:
            return .call("UploadFile", [("fileURL", .literal("URL(fileURLWithPath: \"/path/to/file.jpg\")"))])
        case .json:
            return .dictionary([("key", .literal("\"value\""))])
        case .eventStream:
            return .literal("ServerSentEvents()")
        case .optional(let wrapped):
            return value(of: wrapped, name: name, given: [], constraints: constraints, building: &building)
        case .nullable(let wrapped):
            let inner = value(of: wrapped, name: name, given: [], constraints: constraints, building: &building)
            return Self.nullable(inner, of: wrapped)
        case .array(let element):
            if case .named(let typeName) = element.unwrapped, building.contains(typeName) { return .array([]) }
            return .array([value(of: element, name: name, given: [], constraints: .init(), building: &building)])
        case .map(.json):
            return .dictionary([("key", .literal("\"value\""))])
        case .map(let element):
            if case .named(let typeName) = element.unwrapped, building.contains(typeName) { return .dictionary([]) }
            return .dictionary([
                ("key", value(of: element, name: name, given: [], constraints: .init(), building: &building))
            ])
        case .named(let typeName):
            return named(typeName, name: name, building: &building)
        }
    }

    private func named(_ typeName: String, name: String, building: inout [String]) -> ExampleValue {
        guard let declaration = types[typeName] else { return .call(typeName, []) }
        building.append(typeName)
        defer { building.removeLast() }
        switch declaration.kind {
        case .structure(let model):
            let deep = building.count > Self.fullDepth
            var arguments: [(label: String?, value: ExampleValue)] = []
            // A property with one possible value defaults to it, as a caller would leave it.
            for property in model.properties where property.onlyValueCase == nil {
                if !property.required {
                    // Not sent back by a server that computes them, and cut off where the
                    // model nests itself or too deeply.
                    if property.readOnly || deep { continue }
                    if case .named(let inner) = property.type.unwrapped, building.contains(inner) { continue }
                }
                let value = value(
                    of: property.type,
                    name: property.wireName,
                    given: [property.example, property.defaultValue].compactMap { $0.flatMap(SampleJSON.init(text:)) },
                    constraints: property.constraints,
                    building: &building
                )
                arguments.append((SwiftNames.argumentLabel(property.name), value))
            }
            return .call(typeName, arguments)
        case .openEnum(let model):
            guard let first = model.cases.first else {
                return .call(
                    typeName,
                    [("rawValue", .literal(model.rawType == .int ? "1" : SwiftLiteral.string(name + "_example")))]
                )
            }
            return .literal(typeName + "." + first.name)
        case .union(let model):
            let choice = model.cases.first { item in
                if case .named(let inner) = item.type.unwrapped { return !building.contains(inner) }
                return true
            }
            guard let choice else { return .call(typeName, []) }
            let inner = value(of: choice.type, name: name, given: [], constraints: .init(), building: &building)
            return .call(typeName + "." + choice.name, [(nil, inner)])
        case .alias(let aliased):
            return value(of: aliased, name: name, given: [], constraints: .init(), building: &building)
        }
    }

    /// A value the schema gave, written for `type`; nil when it does not fit.
    private func literal(_ value: SampleJSON, as type: TypeRef) -> ExampleValue? {
        switch (type, value) {
        case (.optional(let wrapped), _):
            return literal(value, as: wrapped)
        case (.nullable(let wrapped), _):
            return literal(value, as: wrapped).map { Self.nullable($0, of: wrapped) }
        case (.string, .string(let text)):
            return .literal(SwiftLiteral.string(text))
        case (.int, .integer(let number)), (.int32, .integer(let number)), (.int64, .integer(let number)):
            return .literal(String(number))
        case (.double, .integer(let number)), (.float, .integer(let number)):
            return .literal(String(number) + ".0")
        case (.double, .number(let number)), (.float, .number(let number)):
            return .literal(String(number))
        case (.bool, .bool(let flag)):
            return .literal(String(flag))
        case (.json, _):
            return value.swiftLiteral
        case (.named(let typeName), _):
            guard let declaration = types[typeName] else { return nil }
            switch declaration.kind {
            case .openEnum(let model):
                let raw: String
                switch value {
                case .string(let text) where model.rawType == .string: raw = text
                case .integer(let number) where model.rawType == .int: raw = String(number)
                default: return nil
                }
                return model.cases.first { $0.value == raw }.map { .literal(typeName + "." + $0.name) }
            case .alias(let aliased):
                return literal(value, as: aliased)
            default:
                return nil
            }
        case (.array(let element), .array(let items)):
            let converted = items.prefix(3).compactMap { literal($0, as: element) }
            return converted.count == min(items.count, 3) && !converted.isEmpty ? .array(converted) : nil
        default:
            return nil
        }
    }

    /// A value of `Nullable<wrapped>`: a number, string or boolean literal (or an array of them)
    /// is one as it is; anything else is `.value(…)`.
    private static func nullable(_ inner: ExampleValue, of wrapped: TypeRef) -> ExampleValue {
        func isLiteralType(_ type: TypeRef) -> Bool {
            switch type {
            case .string, .int, .int32, .int64, .double, .float, .bool: return true
            default: return false
            }
        }
        switch (wrapped, inner) {
        case (let type, .literal) where isLiteralType(type): return inner
        case (.array(let element), .array) where isLiteralType(element): return inner
        default: return .call(".value", [(nil, inner)])
        }
    }

    /// 1, or the nearest value the constraints allow.
    private static func integer(within constraints: ValueConstraints) -> String {
        var value: Double = 1
        if let minimum = constraints.minimum, value < minimum || (constraints.exclusiveMinimum && value <= minimum) {
            value = constraints.exclusiveMinimum ? minimum.rounded(.down) + 1 : minimum.rounded(.up)
        }
        if let maximum = constraints.maximum, value > maximum || (constraints.exclusiveMaximum && value >= maximum) {
            value = constraints.exclusiveMaximum ? maximum.rounded(.up) - 1 : maximum.rounded(.down)
        }
        return ValueConstraints.number(value)
    }

    /// 3.14, or the nearest value the constraints allow.
    private static func decimal(within constraints: ValueConstraints) -> String {
        var value = 3.14
        if let minimum = constraints.minimum, value < minimum {
            value = minimum + (constraints.exclusiveMinimum ? 1 : 0)
        }
        if let maximum = constraints.maximum, value > maximum {
            value = maximum - (constraints.exclusiveMaximum ? 1 : 0)
        }
        let text = ValueConstraints.number(value)
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }
}

/// A value the schema gives as an `example` or `default` (compact JSON text), read with the
/// number kinds kept apart: `1` is an integer, `1.5` a number, `true` never a number.
enum SampleJSON: Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([SampleJSON])
    case object([String: SampleJSON])

    init?(text: String) {
        guard let value = try? JSONDecoder().decode(SampleJSON.self, from: Data(text.utf8)) else { return nil }
        self = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([SampleJSON].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: SampleJSON].self))
        }
    }

    /// The value as a `JSONValue` literal (keys sorted: the schema's order is not kept).
    var swiftLiteral: ExampleValue {
        switch self {
        case .null: return .literal("nil")
        case .bool(let flag): return .literal(String(flag))
        case .integer(let number): return .literal(String(number))
        case .number(let number): return .literal(String(number))
        case .string(let text): return .literal(SwiftLiteral.string(text))
        case .array(let items): return .array(items.map(\.swiftLiteral))
        case .object(let object): return .dictionary(object.keys.sorted().map { ($0, object[$0]!.swiftLiteral) })
        }
    }
}
