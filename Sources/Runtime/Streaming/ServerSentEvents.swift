import Foundation

/// A `text/event-stream` response as the sequence of its events (HTML's "server-sent events"):
/// `for try await event in response.body() { ... }`.
///
/// Events are delivered as they arrive: the call returns once the response head is in, and
/// each iteration waits for the next event, however long the server takes. Cancelling the
/// task that iterates, or leaving the loop, closes the connection. The stream can be iterated
/// once.
public struct ServerSentEvents: AsyncSequence, Sendable {
    public struct Event: Sendable, Hashable {
        /// The `event:` field; `nil` means the default type, `message`.
        public var event: String?
        /// The `data:` lines, joined by newlines.
        public var data: String
        /// The last event ID: the latest `id:` field of this event or of one before it.
        public var id: String?
        /// The `retry:` field of this event, in milliseconds: how long to wait before
        /// reconnecting.
        public var retry: Int?

        public init(event: String? = nil, data: String, id: String? = nil, retry: Int? = nil) {
            self.event = event
            self.data = data
            self.id = id
            self.retry = retry
        }
    }

    private let body: ResponseBodyStream

    /// The events of a stream received as it arrives.
    public init(body: ResponseBodyStream) {
        self.body = body
    }

    /// The events of a body received whole.
    public init(parsing body: Data) {
        self.body = ResponseBodyStream(data: body)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var chunks: ResponseBodyStream.AsyncIterator
        var parser = EventStreamParser()
        var isFinished = false

        public mutating func next() async throws -> Event? {
            while true {
                if let event = parser.nextEvent() {
                    return event
                }
                if isFinished {
                    return nil
                }
                if let chunk = try await chunks.next() {
                    parser.append(chunk)
                } else {
                    // An event not closed by a blank line when the stream ends is discarded.
                    isFinished = true
                }
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: body.makeAsyncIterator())
    }

    /// Every event of a whole body, for tests and for bodies read from elsewhere.
    static func parse(_ text: String) -> [Event] {
        var parser = EventStreamParser()
        parser.append(Data(text.utf8))
        var events: [Event] = []
        while let event = parser.nextEvent() {
            events.append(event)
        }
        return events
    }
}

/// The `text/event-stream` interpretation of the HTML standard ("Parsing an event stream"),
/// fed with chunks as they arrive: lines end with CRLF, LF or CR (a CR at the end of one chunk
/// and an LF at the start of the next are one line end); a blank line dispatches the event;
/// lines starting with `:` are comments; `field: value` loses one space after the colon; a line
/// without a colon is a field with an empty value; unknown fields are ignored.
struct EventStreamParser {
    private var buffer: [UInt8] = []
    private var position = 0
    private var lastWasCarriageReturn = false
    private var isAtStart = true

    private var eventType = ""
    private var data: [UInt8] = []
    private var hasData = false
    private var lastEventID: String?
    private var retry: Int?

    mutating func append(_ chunk: Data) {
        if position > 0, position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        } else if position > 4096 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: chunk)
    }

    /// The next complete event in what has been appended, if any.
    mutating func nextEvent() -> ServerSentEvents.Event? {
        while let line = nextLine() {
            if line.isEmpty {
                if let event = dispatch() {
                    return event
                }
                continue
            }
            process(line)
        }
        return nil
    }

    private mutating func nextLine() -> ArraySlice<UInt8>? {
        if isAtStart, buffer.count - position >= 3 {
            // A UTF-8 byte order mark at the start of the stream is skipped.
            if buffer[position..<position + 3].elementsEqual([0xEF, 0xBB, 0xBF]) {
                position += 3
            }
            isAtStart = false
        }
        if lastWasCarriageReturn, position < buffer.count {
            lastWasCarriageReturn = false
            if buffer[position] == 0x0A {
                position += 1
            }
        }
        guard let end = buffer[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
            return nil
        }
        if isAtStart { isAtStart = false }
        let line = buffer[position..<end]
        if buffer[end] == 0x0D {
            if end + 1 < buffer.count {
                position = buffer[end + 1] == 0x0A ? end + 2 : end + 1
            } else {
                position = end + 1
                lastWasCarriageReturn = true
            }
        } else {
            position = end + 1
        }
        return line
    }

    private mutating func process(_ line: ArraySlice<UInt8>) {
        if line.first == UInt8(ascii: ":") {
            return
        }
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let field = line[..<(colon ?? line.endIndex)]
        var value = colon.map { line[line.index(after: $0)...] } ?? []
        if value.first == UInt8(ascii: " ") {
            value = value.dropFirst()
        }
        switch String(decoding: field, as: UTF8.self) {
        case "data":
            data += value
            data.append(0x0A)
            hasData = true
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "id":
            if !value.contains(0) {
                lastEventID = String(decoding: value, as: UTF8.self)
            }
        case "retry":
            if !value.isEmpty, value.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                retry = Int(String(decoding: value, as: UTF8.self))
            }
        default:
            break
        }
    }

    /// The event collected since the last blank line; none when it has no data.
    private mutating func dispatch() -> ServerSentEvents.Event? {
        defer {
            eventType = ""
            data = []
            hasData = false
            retry = nil
        }
        guard hasData else { return nil }
        data.removeLast()
        return ServerSentEvents.Event(
            event: eventType.isEmpty ? nil : eventType,
            data: String(decoding: data, as: UTF8.self),
            id: lastEventID.flatMap { $0.isEmpty ? nil : $0 },
            retry: retry
        )
    }
}
