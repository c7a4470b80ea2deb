import Foundation

/// Every item of every page of a list that is not paged Django's way (`PageSequence` is for
/// those): pages linked by an RFC 8288 `Link: <…>; rel="next"` header, by a cursor the body
/// carries, or by an offset. Generated `…AllItems` methods build one with the closure that
/// fetches a page from where the previous one left off.
///
/// A page is fetched only when the items before it have been consumed; the sequence ends
/// at the page that gives no next position, an empty cursor, or the position it was fetched
/// with.
public struct ItemSequence<Item: Sendable, Position: Sendable & Equatable>: AsyncSequence, Sendable {
    public typealias Element = Item

    /// Fetches the page at a position (`nil`: the first page) and returns its items and the
    /// position of the next page, `nil` on the last.
    public typealias FetchPage = @Sendable (Position?) async throws -> (items: [Item], next: Position?)

    private let fetchPage: FetchPage

    public init(fetchPage: @escaping FetchPage) {
        self.fetchPage = fetchPage
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(fetchPage: fetchPage)
    }

    /// Every item, in order.
    public func collect() async throws -> [Item] {
        var items: [Item] = []
        for try await item in self {
            items.append(item)
        }
        return items
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private let fetchPage: FetchPage
        private var buffer: [Item] = []
        private var bufferIndex = 0
        private var position: Position?
        private var isFinished = false
        private var hasStarted = false

        fileprivate init(fetchPage: @escaping FetchPage) {
            self.fetchPage = fetchPage
        }

        public mutating func next() async throws -> Item? {
            // A loop, because a page may be empty and still lead on.
            while bufferIndex == buffer.count {
                if isFinished { return nil }
                let current = position
                let (items, next) = try await fetchPage(hasStarted ? current : nil)
                hasStarted = true
                buffer = items
                bufferIndex = 0
                // An empty cursor ends the list too, as Slack's and others' do.
                if let next, next != current, (next as? String)?.isEmpty != true {
                    position = next
                } else {
                    isFinished = true
                }
            }
            defer { bufferIndex += 1 }
            return buffer[bufferIndex]
        }
    }
}

extension HTTPHeaders {
    /// The `rel="next"` target of the RFC 8288 `Link` headers, resolved against `base`: how
    /// GitHub, GitLab, Mastodon and many others link a page to the next.
    public func nextPageLink(relativeTo base: URL? = nil) -> URL? {
        for field in values(for: "Link") {
            for link in LinkHeaderParser.links(in: field) where link.relations.contains("next") {
                return URL(string: link.target, relativeTo: base)?.absoluteURL
            }
        }
        return nil
    }
}

/// `<https://api.example.com/items?page=2>; rel="next", <…>; rel="last"`, read as RFC 8288
/// says: a target in angle brackets, then parameters; `rel` may list several relations and
/// may be quoted or not; commas inside the brackets or quotes do not split links.
enum LinkHeaderParser {
    struct Link {
        var target: String
        var relations: [String]
    }

    static func links(in field: String) -> [Link] {
        var links: [Link] = []
        var scanner = Substring(field)
        while let open = scanner.firstIndex(of: "<") {
            guard let close = scanner[open...].firstIndex(of: ">") else { break }
            let target = String(scanner[scanner.index(after: open)..<close])
            scanner = scanner[scanner.index(after: close)...]
            // Parameters run to the next comma outside quotes.
            var parameters = ""
            var inQuotes = false
            var end = scanner.endIndex
            for index in scanner.indices {
                let character = scanner[index]
                if character == "\"" { inQuotes.toggle() }
                if character == ",", !inQuotes {
                    end = index
                    break
                }
                parameters.append(character)
            }
            scanner = end == scanner.endIndex ? scanner[end...] : scanner[scanner.index(after: end)...]
            var relations: [String] = []
            for parameter in parameters.split(separator: ";") {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                relations += value.lowercased().split(separator: " ").map(String.init)
            }
            links.append(Link(target: target, relations: relations))
        }
        return links
    }
}
