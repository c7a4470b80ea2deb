/// A tiny forward-only scanner over ASCII bytes, for the fixed-layout date formats.
struct ASCIIScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ string: String) {
        bytes = Array(string.utf8)
    }

    var isAtEnd: Bool { position == bytes.count }

    /// Reads exactly `count` decimal digits.
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + count] {
            guard let digit = Self.digitValue(byte) else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    /// Reads one or more digits of a decimal fraction as nanoseconds (`"5"` → 500_000_000,
    /// `"123456"` → 123_456_000); digits beyond the ninth are read and ignored. Integers, so
    /// that the fraction is rounded only once, when it becomes a `Date`.
    mutating func nanoseconds() -> Int? {
        var value = 0
        var count = 0
        while position < bytes.count, let digit = Self.digitValue(bytes[position]) {
            if count < 9 {
                value = value * 10 + digit
                count += 1
            }
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<9 { value *= 10 }
        return value
    }

    /// Consumes the next byte if it is one of `characters`, returning it.
    mutating func skip(anyOf characters: String) -> Character? {
        guard position < bytes.count else { return nil }
        let next = Character(Unicode.Scalar(bytes[position]))
        guard characters.contains(next) else { return nil }
        position += 1
        return next
    }

    /// Consumes `character` if it is next.
    mutating func skip(_ character: Character) -> Bool {
        skip(anyOf: String(character)) != nil
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
