import Foundation

/// A response body delivered in chunks as they arrive, for responses that are read while the
/// server is still sending them (`text/event-stream`).
///
/// Memory is bounded: when the consumer falls `pauseThreshold` bytes behind, the transport is
/// asked to stop reading (`onBackpressure(true)`), and to go on once the consumer has caught
/// up. A consumer that falls `limit` bytes behind anyway ends the stream with an error rather
/// than letting the buffer grow without end. Cancelling the task that waits for a chunk, or
/// dropping every copy of the stream, cancels the request and closes the connection.
public struct ResponseBodyStream: AsyncSequence, Sendable {
    public typealias Element = Data

    private enum Backing: Sendable {
        /// Chunks pushed by a transport (`URLSessionTransport`).
        case source(Reader)
        /// Chunks from a custom transport's stream.
        case stream(AsyncThrowingStream<Data, any Error>)
    }

    private let backing: Backing

    /// A stream that yields `data` once and ends, for transports that only deliver whole bodies.
    public init(data: Data) {
        let source = Source(cancel: {})
        if !data.isEmpty {
            source.yield(data)
        }
        source.finish(throwing: nil)
        self.init(source: source)
    }

    /// The chunks of a custom transport.
    public init(_ chunks: AsyncThrowingStream<Data, any Error>) {
        backing = .stream(chunks)
    }

    init(source: Source) {
        // The consumer's hold on the source: when the last copy of the stream and of its
        // iterators is gone, the request is cancelled. (The transport holds the source itself,
        // so the source cannot notice that on its own.)
        backing = .source(Reader(source))
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate enum Position {
            case source(Reader)
            case stream(AsyncThrowingStream<Data, any Error>.Iterator)
        }

        fileprivate var position: Position

        public mutating func next() async throws -> Data? {
            switch position {
            case .source(let reader):
                return try await reader.source.next()
            case .stream(var iterator):
                defer { position = .stream(iterator) }
                return try await iterator.next()
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        switch backing {
        case .source(let reader): AsyncIterator(position: .source(reader))
        case .stream(let stream): AsyncIterator(position: .stream(stream.makeAsyncIterator()))
        }
    }

    final class Reader: Sendable {
        let source: Source

        init(_ source: Source) {
            self.source = source
        }

        deinit {
            // Nobody can read the rest: stop receiving it.
            source.cancelIfUnfinished()
        }
    }
}

extension ResponseBodyStream {
    /// The chunks received and not yet read, shared by the transport (which adds them) and the
    /// consumer (which takes them).
    final class Source: @unchecked Sendable {
        // `@unchecked`: every mutable field is guarded by `lock`.
        /// Past this many unread bytes the transport is asked to pause…
        static let pauseThreshold = 1 << 20
        /// …and below this many to go on.
        static let resumeThreshold = 1 << 18
        /// Past this many the stream fails: the transport could not pause.
        static let limit = 16 << 20

        private let lock = NSLock()
        private var chunks: [Data] = []
        private var bufferedBytes = 0
        private var isPaused = false
        private var isFinished = false
        private var failure: (any Error)?
        private var waiter: CheckedContinuation<Data?, any Error>?
        private let cancelTransport: @Sendable () -> Void
        /// Called with `true` to pause reading from the network and `false` to resume.
        var onBackpressure: (@Sendable (Bool) -> Void)?

        init(cancel: @escaping @Sendable () -> Void) {
            self.cancelTransport = cancel
        }

        func yield(_ data: Data) {
            lock.lock()
            if isFinished {
                lock.unlock()
                return
            }
            if let waiter {
                self.waiter = nil
                lock.unlock()
                waiter.resume(returning: data)
                return
            }
            chunks.append(data)
            bufferedBytes += data.count
            if bufferedBytes > Self.limit {
                lock.unlock()
                cancelTransport()
                finish(throwing: APIError.transport(.other, "The response stream's reader fell more than 16 MB behind"))
                return
            }
            let pause = !isPaused && bufferedBytes > Self.pauseThreshold
            if pause { isPaused = true }
            let backpressure = onBackpressure
            lock.unlock()
            if pause { backpressure?(true) }
        }

        /// Ends the stream after the chunks already received; `error` ends it with that error.
        func finish(throwing error: (any Error)?) {
            lock.lock()
            guard !isFinished else {
                lock.unlock()
                return
            }
            isFinished = true
            failure = error
            let waiter = self.waiter
            self.waiter = nil
            lock.unlock()
            if let error {
                waiter?.resume(throwing: error)
            } else {
                waiter?.resume(returning: nil)
            }
        }

        func next() async throws -> Data? {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                    lock.lock()
                    if !chunks.isEmpty {
                        let chunk = chunks.removeFirst()
                        bufferedBytes -= chunk.count
                        let resume = isPaused && bufferedBytes < Self.resumeThreshold
                        if resume { isPaused = false }
                        let backpressure = onBackpressure
                        lock.unlock()
                        if resume { backpressure?(false) }
                        continuation.resume(returning: chunk)
                    } else if isFinished {
                        let failure = self.failure
                        lock.unlock()
                        if let failure {
                            continuation.resume(throwing: failure)
                        } else {
                            continuation.resume(returning: nil)
                        }
                    } else if Task.isCancelled {
                        lock.unlock()
                        continuation.resume(throwing: CancellationError())
                    } else {
                        waiter = continuation
                        lock.unlock()
                    }
                }
            } onCancel: {
                cancel()
            }
        }

        func cancelIfUnfinished() {
            lock.lock()
            let isFinished = self.isFinished
            lock.unlock()
            if !isFinished {
                cancel()
            }
        }

        /// Cancels the request: the connection is closed and a waiting reader gets
        /// `CancellationError`.
        func cancel() {
            cancelTransport()
            finish(throwing: CancellationError())
        }
    }
}
