import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core, for independent pieces of work; the result keeps the order.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = UnsafeResults<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(self[index]))
        }
        return results.values
    }
}

/// Slots written by exactly one concurrent iteration each, read after all of them finished.
/// A raw buffer, because concurrent writes through an array property would trip Swift's
/// exclusivity checks even though the slots never overlap.
private final class UnsafeResults<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: max(count, 1))
    }

    deinit {
        slots.deinitialize(count: max(count, 1))
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    var values: [Value] { (0..<count).map { slots[$0]! } }
}
