import Foundation

/// The items of a paginated list across all its pages, fetched lazily while iterating.
public struct PageSequence<Page: PaginatedList>: AsyncSequence, Sendable {
    public typealias Element = Page.Item

    private let session: APISession
    private let endpoint: Endpoint
    private let firstPage: @Sendable () async throws -> Page

    /// - Parameters:
    ///   - endpoint: The list operation, whose credentials the `next` requests reuse.
    ///   - firstPage: Fetches the first page; the following ones come from its `next` links.
    public init(session: APISession, endpoint: Endpoint, firstPage: @escaping @Sendable () async throws -> Page) {
        self.session = session
        self.endpoint = endpoint
        self.firstPage = firstPage
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self)
    }

    /// Fetches every page and returns all items, for lists known to be small.
    public func collect() async throws -> [Element] {
        var items: [Element] = []
        for try await item in self {
            items.append(item)
        }
        return items
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private enum NextPage {
            case first
            case link(URL)
            case none
        }

        private let sequence: PageSequence
        private var buffer: [Element] = []
        private var bufferIndex = 0
        private var nextPage = NextPage.first

        fileprivate init(sequence: PageSequence) {
            self.sequence = sequence
        }

        public mutating func next() async throws -> Element? {
            // A loop rather than a single fetch, because a page may be empty and still link on.
            while bufferIndex == buffer.count {
                let page: Page
                switch nextPage {
                case .none:
                    return nil
                case .first:
                    page = try await sequence.firstPage()
                case .link(let url):
                    page = try await sequence.session.get(absoluteURL: url, endpoint: sequence.endpoint)
                }
                buffer = page.results
                bufferIndex = 0
                nextPage = try Self.nextPage(after: page, current: nextPage)
            }
            defer { bufferIndex += 1 }
            return buffer[bufferIndex]
        }

        /// Ending quietly on a malformed link would look like a complete list, so that throws;
        /// a page linking to itself ends the list instead of looping forever.
        private static func nextPage(after page: Page, current: NextPage) throws -> NextPage {
            guard let link = page.nextPageURL else { return .none }
            guard let url = URL(string: link) else {
                throw APIError.invalidInput("The next page link is not a valid URL")
            }
            if case .link(let currentURL) = current, currentURL == url {
                return .none
            }
            return .link(url)
        }
    }
}
