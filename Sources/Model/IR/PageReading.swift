/// How generated paging code reads a page: the Swift expression for one property of the page
/// body, decided here once from the property's type, so that the templates (`…AllItems`,
/// `PaginatedList.nextPageURL`) print it and never look at optionality themselves.
///
/// | property type | no fallback | with fallback `[]` |
/// |---|---|---|
/// | `T` | `page.data` | `page.data` |
/// | `T?` | `page.data` | `(page.data ?? [])` |
/// | `Nullable<T>?` (absent or `null`) | `page.data?.value` | `(page.data?.value ?? [])` |
public enum PageReading {
    /// `owner.name` read as a plain optional (or the value itself), with `fallback` for
    /// absent or `null` when given.
    public static func expression(_ owner: String?, _ name: String, type: TypeRef?, orElse fallback: String?)
        -> String
    {
        let access = (owner.map { $0 + "." } ?? "") + SwiftNames.escaped(name)
        let read = type?.isNullableOptional == true ? access + "?.value" : access
        guard let fallback, type?.isOptional == true else { return read }
        return "(\(read) ?? \(fallback))"
    }
}

extension PaginationModel {
    /// The items of a page (`page` itself when the body is the array).
    public var itemsExpression: String {
        itemsProperty.map { PageReading.expression("page", $0, type: itemsType, orElse: "[]") } ?? "page"
    }

    /// Cursor: the next page's cursor, `nil` at the end.
    public var nextCursorExpression: String? {
        cursorProperty.map { PageReading.expression("page", $0, type: cursorType, orElse: nil) }
    }

    /// Offset: the total number of items as an `Int`, `.max` when the page does not say.
    public var totalExpression: String? {
        guard let totalProperty, let totalType else { return nil }
        let value = PageReading.expression("page", totalProperty, type: totalType, orElse: ".max")
        return totalType.unwrapped == .int ? value : "Int(\(value))"
    }
}

extension StructModel {
    /// A Django page's link to the next page (`next`), as a `String?`.
    public var nextPageURLExpression: String? {
        guard pageItemType != nil else { return nil }
        let next = properties.first { $0.wireName == "next" }
        return PageReading.expression(nil, next?.name ?? "next", type: next?.type, orElse: nil)
    }
}
