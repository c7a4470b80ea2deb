import Mustache

/// A template context written as a Swift struct: the compiler checks every value a builder
/// puts in it, and its `keys` table is both what the templates can look up and the documented
/// contract (`TemplateContract`), so the two cannot drift apart.
///
/// swift-mustache looks each `{{key}}` up through `child(named:)` (`MustacheParent`), which
/// reads the property the table names: no dictionary is built per file, and no reflection
/// (`Mirror`, the library's fallback for other values) is used.
protocol TypedContext: MustacheParent {
    /// The context's keys, in the order the contract documents them.
    static var keys: [ContextKey<Self>] { get }
    /// The keys' contract entries, for `TemplateContract`.
    static var contractKeys: [TemplateContract.Key] { get }
    /// The context as plain values (what `dump-model --template-context` prints and the
    /// contract tests walk): absent optional keys are left out.
    var dictionary: [String: Any] { get }
}

extension TypedContext {
    func child(named name: String) -> Any? {
        // A linear scan: contexts have a few keys, and a template looks up few distinct names,
        // so comparing short strings is cheaper than hashing them.
        let keys = Self.keys
        for index in keys.indices where keys[index].name == name {
            return keys[index].read(self)
        }
        return nil
    }

    static var contractKeys: [TemplateContract.Key] { keys.map(\.contract) }

    var dictionary: [String: Any] {
        var values: [String: Any] = [:]
        for key in Self.keys {
            if let value = key.read(self) { values[key.contract.name] = Self.plain(value) }
        }
        return values
    }

    private static func plain(_ value: Any) -> Any {
        switch value {
        case let context as any TypedContext: return context.dictionary
        case let contexts as [any TypedContext]: return contexts.map(\.dictionary)
        default: return value
        }
    }
}

/// One key of a typed context: its contract entry and how to read it. Made with `key(…)`,
/// whose overloads derive the key's kind from the property's type.
///
/// `@unchecked Sendable`: immutable, and its closure only reads the value it is given.
struct ContextKey<Context>: @unchecked Sendable {
    /// `contract.name`, kept beside it: `child(named:)` compares it on every lookup, and
    /// reaching it through the contract entry would copy that entry each time.
    let name: String
    let contract: TemplateContract.Key
    let read: (Context) -> Any?

    private init(contract: TemplateContract.Key, read: @escaping (Context) -> Any?) {
        self.name = contract.name
        self.contract = contract
        self.read = read
    }

    /// Text, `{{key}}`.
    static func key(_ name: String, _ path: KeyPath<Context, String>, _ meaning: String) -> Self {
        Self(contract: .init(name, .text, meaning), read: { $0[keyPath: path] })
    }

    /// Text that may be absent.
    static func key(_ name: String, _ path: KeyPath<Context, String?>, _ meaning: String) -> Self {
        Self(contract: .init(name, .text, optional: true, meaning), read: { $0[keyPath: path] })
    }

    /// A flag, `{{#key}}…{{/key}}`.
    static func key(_ name: String, _ path: KeyPath<Context, Bool>, _ meaning: String) -> Self {
        Self(contract: .init(name, .flag, meaning), read: { $0[keyPath: path] })
    }

    /// A flag that only some contexts of the template have.
    static func key(_ name: String, _ path: KeyPath<Context, Bool?>, _ meaning: String) -> Self {
        Self(contract: .init(name, .flag, optional: true, meaning), read: { $0[keyPath: path] })
    }

    /// Lines, `{{#key}}{{.}}{{/key}}`.
    static func key(_ name: String, _ path: KeyPath<Context, [String]>, _ meaning: String) -> Self {
        Self(contract: .init(name, .lines, meaning), read: { $0[keyPath: path] })
    }

    /// A list of objects.
    static func key<Item: TypedContext>(_ name: String, _ path: KeyPath<Context, [Item]>, _ meaning: String)
        -> Self
    {
        Self(contract: .init(name, .list, meaning, Item.contractKeys), read: { $0[keyPath: path] })
    }

    /// A list of objects that may be absent.
    static func key<Item: TypedContext>(_ name: String, _ path: KeyPath<Context, [Item]?>, _ meaning: String)
        -> Self
    {
        Self(contract: .init(name, .list, optional: true, meaning, Item.contractKeys), read: { $0[keyPath: path] })
    }

    /// One object that may be absent.
    static func key<Item: TypedContext>(_ name: String, _ path: KeyPath<Context, Item?>, _ meaning: String) -> Self {
        Self(contract: .init(name, .object, optional: true, meaning, Item.contractKeys), read: { $0[keyPath: path] })
    }
}

/// An item of a list with its place in it, for separators (`{{^isLast}}, {{/isLast}}`):
/// `isFirst` and `isLast`, then the item's own keys.
struct Positioned<Item: TypedContext>: TypedContext {
    var item: Item
    var isFirst: Bool
    var isLast: Bool

    static var keys: [ContextKey<Self>] {
        [
            .key("isFirst", \.isFirst, "Whether this is the first item of the list."),
            .key("isLast", \.isLast, "Whether this is the last item of the list."),
        ]
    }

    func child(named name: String) -> Any? {
        switch name {
        case "isFirst": return isFirst
        case "isLast": return isLast
        default: return item.child(named: name)
        }
    }

    static var contractKeys: [TemplateContract.Key] { Item.contractKeys + keys.map(\.contract) }

    var dictionary: [String: Any] {
        item.dictionary.merging(["isFirst": isFirst, "isLast": isLast]) { _, new in new }
    }

    /// `items`, each with its position.
    static func list(_ items: [Item]) -> [Positioned] {
        items.indices.map {
            Positioned(item: items[$0], isFirst: $0 == items.startIndex, isLast: $0 == items.count - 1)
        }
    }
}

/// The keys of the `Header` partial, which every other template's context holds.
struct HeaderContext: TypedContext, Sendable {
    var title: String
    var version: String

    static func keys<Context>(_ path: KeyPath<Context, HeaderContext>) -> [ContextKey<Context>] {
        [
            .key("title", path.appending(path: \.title), "The document's `info.title`, on one line."),
            .key("version", path.appending(path: \.version), "The document's `info.version`, on one line."),
        ]
    }

    static let keys: [ContextKey<Self>] = keys(\Self.self)
}
