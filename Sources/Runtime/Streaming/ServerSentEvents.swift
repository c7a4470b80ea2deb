import Foundation

/// A `text/event-stream` response as the sequence of its events (the HTML "server-sent events"
/// format): `for try await event in response.body() { ... }`.
///
/// The events are parsed from the received body; the sequence is asynchronous so that callers
/// keep working unchanged if a transport delivers events as they arrive.
public struct ServerSentEvents: AsyncSequence, Decodable, Sendable {
    public struct Event: Sendable, Hashable {
        /// The `event:` field; `nil` means the default type, `message`.
        public var event: String?
        /// The `data:` lines, joined by newlines.
        public var data: String
        public var id: String?
        /// The `retry:` field, in milliseconds.
        public var retry: Int?

        public init(event: String? = nil, data: String, id: String? = nil, retry: Int? = nil) {
            self.event = event
            self.data = data
            self.id = id
            self.retry = retry
        }
    }

    public let events: [Event]

    public init(parsing body: Data) {
        events = Self.parse(String(decoding: body, as: UTF8.self))
    }

    /// Event streams are never JSON: the response decoder builds them from the raw body.
    public init(from decoder: any Decoder) throws {
        throw DecodingError.typeMismatch(
            ServerSentEvents.self,
            DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "An event stream is not JSON")
        )
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<Event>

        public mutating func next() async -> Event? {
            remaining.popFirst()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(remaining: events[...])
    }

    /// Lines end with CRLF, LF or CR; a blank line dispatches the event collected so far;
    /// lines starting with `:` are comments; `field: value` loses one space after the colon.
    static func parse(_ text: String) -> [Event] {
        var events: [Event] = []
        var pending = Event(data: "")
        var dataLines: [Substring] = []
        var hasFields = false
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "\n" || $0 == "\r" }
        )
        for line in lines {
            if line.isEmpty {
                if hasFields {
                    pending.data = dataLines.joined(separator: "\n")
                    events.append(pending)
                }
                pending = Event(data: "")
                dataLines = []
                hasFields = false
                continue
            }
            if line.hasPrefix(":") { continue }
            let field = line.prefix { $0 != ":" }
            var value = line.dropFirst(field.count)
            if value.hasPrefix(":") { value = value.dropFirst() }
            if value.hasPrefix(" ") { value = value.dropFirst() }
            hasFields = true
            switch field {
            case "data": dataLines.append(value)
            case "event": pending.event = String(value)
            case "id": pending.id = String(value)
            case "retry": pending.retry = Int(value)
            default: continue
            }
        }
        return events
    }
}
