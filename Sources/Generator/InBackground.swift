import Dispatch

/// A value computed on another thread while the caller goes on, for independent work that would
/// otherwise leave a core idle (the templates are parsed while the schema is).
final class InBackground<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once, before `done` is left; read only after waiting for it.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    /// Waits for the work to finish.
    var value: Value {
        done.wait()
        return result!
    }
}
