import Foundation

/// Told how a long operation advances: uploads and downloads in bytes, waits in percent.
/// Methods are called from the operation's task, one operation at a time.
public protocol ProgressReporter: Sendable {
    /// A new stretch of work begins; `total` is `nil` when unknown.
    func start(total: Int64?, description: String, unit: ProgressUnit)
    /// `amount` more units are done (negative when an upload rewinds to resume).
    func advance(by amount: Int64)
    func finish()
}

public enum ProgressUnit: String, Sendable {
    case bytes, items, percent
}

/// Progress on a terminal: one line redrawn in place with the amount done, the rate and the
/// time left; on anything else (a pipe, a log), a plain line at start and at finish.
public final class TerminalProgressReporter: ProgressReporter, @unchecked Sendable {
    // `@unchecked`: the mutable state is guarded by `lock`.
    private let lock = NSLock()
    private let output: FileHandle
    private let isTerminal: Bool
    private var total: Int64?
    private var done: Int64 = 0
    private var description = ""
    private var unit = ProgressUnit.items
    private var started = ContinuousClock.now
    private var lastDraw = ContinuousClock.now

    public init(output: FileHandle = .standardError) {
        self.output = output
        self.isTerminal = isatty(output.fileDescriptor) != 0
    }

    public func start(total: Int64?, description: String, unit: ProgressUnit) {
        lock.withLock {
            (self.total, self.done, self.description, self.unit) = (total, 0, description, unit)
            started = .now
            if !isTerminal { write("\(description)…\n") } else { draw() }
        }
    }

    public func advance(by amount: Int64) {
        lock.withLock {
            done += amount
            if isTerminal, ContinuousClock.now - lastDraw > .milliseconds(100) { draw() }
        }
    }

    public func finish() {
        lock.withLock {
            if isTerminal {
                draw()
                write("\n")
            } else {
                write("\(description): done, \(Self.amount(done, unit))\n")
            }
        }
    }

    private func draw() {
        lastDraw = .now
        let elapsed = Double((ContinuousClock.now - started).components.seconds) + 0.001
        let rate = Double(done) / elapsed
        var line = "\r\(description): \(Self.amount(done, unit))"
        if let total, total > 0 {
            line += " of \(Self.amount(total, unit)) (\(done * 100 / total)%)"
            if rate > 0, done < total { line += ", \(Int(Double(total - done) / rate)) s left" }
        }
        if unit == .bytes { line += ", \(Self.amount(Int64(rate), .bytes))/s" }
        write(line + "\u{1B}[K")
    }

    private func write(_ text: String) {
        output.write(Data(text.utf8))
    }

    static func amount(_ value: Int64, _ unit: ProgressUnit) -> String {
        switch unit {
        case .bytes:
            let units = ["B", "KiB", "MiB", "GiB", "TiB"]
            var amount = Double(value)
            var index = 0
            while amount >= 1024, index < units.count - 1 {
                amount /= 1024
                index += 1
            }
            return index == 0 ? "\(value) B" : String(format: "%.1f %@", amount, units[index])
        case .items: return "\(value)"
        case .percent: return "\(value)%"
        }
    }
}
