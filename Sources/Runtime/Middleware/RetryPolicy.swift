import Foundation

/// When a session sends a request again, and how long it waits first.
///
/// The default is cvat-sdk's (urllib3's `Retry(total=3, status_forcelist=(502, 503, 504),
/// backoff_factor=0.5)`): up to 3 more attempts when an idempotent request gets 502, 503 or 504
/// or its connection fails, waiting 0 s, then 1 s, then 2 s (`backoffFactor × 2^(retry − 1)`,
/// none before the first retry), or what a `Retry-After` header of a 413, 429 or 503 asks.
/// A POST or PATCH is never sent twice unless `methods` says so.
public struct RetryPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Attempts after the first; 0 never retries.
    public var maxRetries: Int
    /// Response statuses that are retried.
    public var statuses: Set<Int>
    /// Methods that may be sent more than once. Non-idempotent ones (POST, PATCH) are left out
    /// by default: the server may have acted on the first attempt.
    public var methods: Set<HTTPMethod>
    /// Whether a request that got no response (connection refused or reset) is retried, for the
    /// methods above. A timeout is not: it bounds the call as the caller asked.
    public var retriesFailedConnections: Bool
    /// The backoff before retry n (n ≥ 2) is `backoffFactor × 2^(n − 1)`; the first is immediate.
    public var backoffFactor: Duration
    /// A random extra wait of up to this much is added to each backoff, so that many clients
    /// refused at once do not come back at once.
    public var jitter: Duration
    /// No wait is longer: a longer backoff is cut to it, and a `Retry-After` asking for longer
    /// ends the retries (the response is returned as it is).
    public var maxDelay: Duration
    /// Statuses whose `Retry-After` header (seconds or an HTTP date) replaces the backoff.
    public var retryAfterStatuses: Set<Int>

    public init(
        maxRetries: Int = 3,
        statuses: Set<Int> = [502, 503, 504],
        methods: Set<HTTPMethod> = [.get, .head, .put, .delete, .options, .trace],
        retriesFailedConnections: Bool = true,
        backoffFactor: Duration = .milliseconds(500),
        jitter: Duration = .zero,
        maxDelay: Duration = .seconds(120),
        retryAfterStatuses: Set<Int> = [413, 429, 503]
    ) {
        self.maxRetries = maxRetries
        self.statuses = statuses
        self.methods = methods
        self.retriesFailedConnections = retriesFailedConnections
        self.backoffFactor = backoffFactor
        self.jitter = jitter
        self.maxDelay = maxDelay
        self.retryAfterStatuses = retryAfterStatuses
    }

    /// cvat-sdk's policy.
    public static let `default` = RetryPolicy()

    /// Every request is sent once.
    public static let none = RetryPolicy(maxRetries: 0)

    /// The wait before retry `retry` (1 for the first) when the server gave no `Retry-After`.
    public func backoff(beforeRetry retry: Int) -> Duration {
        guard retry > 1 else { return .zero }
        let exponent = min(retry - 1, 30)
        var delay = backoffFactor * (1 << exponent)
        if jitter > .zero {
            delay += jitter * Double.random(in: 0...1)
        }
        return min(delay, maxDelay)
    }

    /// What the `Retry-After` header of `response` asks for, if the status is one that is
    /// honoured and the header says something readable; a date in the past is no wait.
    public func retryAfter(_ response: HTTPResponse, now: Date = Date()) -> Duration? {
        guard retryAfterStatuses.contains(response.status),
            let value = response.headers["Retry-After"]?.trimmingCharacters(in: .whitespaces)
        else { return nil }
        if let seconds = Double(value), seconds.isFinite {
            return .milliseconds(Int64(max(seconds, 0) * 1000))
        }
        guard let date = HTTPDate.parse(value) else { return nil }
        return .milliseconds(Int64(max(date.timeIntervalSince(now), 0) * 1000))
    }

    public var description: String {
        if maxRetries == 0 { return "none" }
        let statusList = statuses.sorted().map(String.init).joined(separator: ", ")
        let methodList = methods.map(\.rawValue).sorted().joined(separator: ", ")
        return "\(maxRetries) retries on [\(statusList)] for [\(methodList)], backoff \(backoffFactor)"
    }
}
