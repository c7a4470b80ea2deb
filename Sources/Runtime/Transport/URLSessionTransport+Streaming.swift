import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension URLSessionTransport {
    /// Streams the body through a session delegate, which receives each chunk as it arrives
    /// (`URLSession.bytes(for:)` does not exist in every Foundation this runtime supports).
    ///
    /// A session of its own per stream, with the configuration of this transport's session: a
    /// delegate belongs to a session, and streams are long-lived and few.
    public func stream(_ request: HTTPRequest, timeout: Duration?) async throws -> (HTTPResponse, ResponseBodyStream) {
        let delegate = StreamingDelegate()
        let streamingSession = URLSession(configuration: session.configuration, delegate: delegate, delegateQueue: nil)
        let task = streamingSession.dataTask(with: try await inMemoryRequest(for: request, timeout: timeout))
        delegate.source.onBackpressure = { [weak task] pause in
            if pause {
                task?.suspend()
            } else {
                task?.resume()
            }
        }
        delegate.cancelTask = { [weak task] in task?.cancel() }
        task.resume()
        // The session lets go of its delegate once the task has finished.
        streamingSession.finishTasksAndInvalidate()
        let head = try await withTaskCancellationHandler {
            try await delegate.head()
        } onCancel: {
            task.cancel()
        }
        return (head, ResponseBodyStream(source: delegate.source))
    }
}

/// Receives one streamed response: the head once, then the body chunk by chunk.
private final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // `@unchecked`: the mutable state is guarded by `lock`; the source is thread-safe itself.
    private let lock = NSLock()
    private var headWaiter: CheckedContinuation<HTTPResponse, any Error>?
    private var headResult: Result<HTTPResponse, any Error>?
    /// Set before the task starts, so every callback sees it.
    var cancelTask: (@Sendable () -> Void)?
    /// Made on first use, which is before the task starts (`stream` sets its backpressure
    /// handler), so that it can refer to the delegate's `cancelTask` without a cycle.
    private(set) lazy var source = ResponseBodyStream.Source(cancel: { [weak self] in self?.cancelTask?() })

    func head() async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let headResult {
                lock.unlock()
                continuation.resume(with: headResult)
            } else {
                headWaiter = continuation
                lock.unlock()
            }
        }
    }

    private func resolveHead(_ result: Result<HTTPResponse, any Error>) {
        lock.lock()
        guard headResult == nil else {
            lock.unlock()
            return
        }
        headResult = result
        let waiter = headWaiter
        headWaiter = nil
        lock.unlock()
        waiter?.resume(with: result)
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        resolveHead(Result { try URLSessionTransport.makeResponse(response, body: Data()) })
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        source.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let failure = error.map(URLSessionTransport.translate)
        resolveHead(
            .failure(
                failure ?? APIError.transport(.connectionLost, "The server closed the connection without a response")
            )
        )
        source.finish(throwing: failure)
    }
}
