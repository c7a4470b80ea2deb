import Foundation

/// A value guarded by a lock, for the little mutable state shared across concurrent requests
/// (the cookie jar, the session configuration).
///
/// `Synchronization.Mutex` would be the natural choice, but it needs macOS 15 and the runtime
/// still supports macOS 13, so this wraps an `NSLock` instead.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value. Keep `body` short and never `await` in it.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A snapshot of the current value.
    var current: Value {
        withLock { $0 }
    }
}
