import Foundation

/// Finds JSON objects with two keys that are different strings on the wire but equal as Swift
/// `String`s, which compare by canonical equivalence: `"é"` written precomposed (NFC, U+00E9)
/// and decomposed (NFD, U+0065 U+0301). Foundation's decoder, and any `[String: …]`, keeps one
/// of them and drops the other's value without a word; a response that has both is refused
/// with an error that names them instead.
///
/// Only text beyond ASCII can collide, so a body without a byte over 0x7F or a `\u` escape (all
/// but a few) is passed by one scan of its bytes.
enum NormalizationCollisions {
    static func check(_ data: Data) throws {
        // One pass: a byte over 0x7F, or `\u` (a backslash is always followed by another byte
        // in valid JSON; at the end of the data it is not an escape).
        let mayCollide = data.withUnsafeBytes { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 || (byte == 0x5C && index + 1 < bytes.count && bytes[index + 1] == 0x75) {
                    return true
                }
                index += byte == 0x5C ? 2 : 1
            }
            return false
        }
        guard mayCollide else { return }
        var scanner = Scanner(bytes: Array(data))
        try scanner.value(path: [])
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// Walks one value; stops quietly at anything malformed, which the decoder reports.
        mutating func value(path: [any CodingKey]) throws {
            skipSpace()
            guard position < bytes.count else { return }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var keys: [String: [Unicode.Scalar]] = [:]
                while true {
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1 }
                        return
                    }
                    guard let key = string() else { return }
                    let scalars = Array(key.unicodeScalars)
                    if let earlier = keys[key], earlier != scalars {
                        throw DecodingError.dataCorrupted(
                            DecodingError.Context(
                                codingPath: path,
                                debugDescription:
                                    "The object has the keys \"\(String(String.UnicodeScalarView(earlier)))\" "
                                    + "(\(Self.codePoints(earlier))) and \"\(key)\" (\(Self.codePoints(scalars))), which "
                                    + "differ only in Unicode normalization: Swift compares strings by canonical "
                                    + "equivalence, so one of the two values would be lost"
                            )
                        )
                    }
                    keys[key] = scalars
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return }
                    position += 1
                    try value(path: path + [ModelCodingKey(key)])
                    guard continues(closing: UInt8(ascii: "}")) else { return }
                }
            case UInt8(ascii: "["):
                position += 1
                var index = 0
                while true {
                    skipSpace()
                    guard position < bytes.count else { return }
                    if bytes[position] == UInt8(ascii: "]") {
                        position += 1
                        return
                    }
                    try value(path: path + [IndexKey(intValue: index)])
                    index += 1
                    guard continues(closing: UInt8(ascii: "]")) else { return }
                }
            case UInt8(ascii: "\""):
                skipString()
            default:
                // A number, `true`, `false` or `null`.
                while position < bytes.count, !Self.isDelimiter(bytes[position]) { position += 1 }
            }
        }

        /// After an item: consumes a `,` and says another item follows, or consumes the closing
        /// bracket (or stops at anything else) and says the container ended.
        mutating func continues(closing: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.count else { return false }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                return true
            }
            if bytes[position] == closing { position += 1 }
            return false
        }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func skipString() {
            position += 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""):
                    position += 1
                    return
                default: position += 1
                }
            }
        }

        /// Reads a string at `position` (its opening quote), escapes decoded.
        mutating func string() -> String? {
            position += 1
            var scalars = String.UnicodeScalarView()
            var run = position
            func flush(_ end: Int) {
                scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
            }
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    flush(position)
                    position += 1
                    return String(scalars)
                }
                guard byte == UInt8(ascii: "\\") else {
                    position += 1
                    continue
                }
                flush(position)
                guard position + 1 < bytes.count else { return nil }
                let escaped = bytes[position + 1]
                position += 2
                switch escaped {
                case UInt8(ascii: "u"):
                    guard var code = hex() else { return nil }
                    if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count,
                        bytes[position] == UInt8(ascii: "\\"),
                        bytes[position + 1] == UInt8(ascii: "u")
                    {
                        position += 2
                        guard let low = hex() else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                default: scalars.append(Unicode.Scalar(escaped))
                }
                run = position
            }
            return nil
        }

        mutating func hex() -> UInt32? {
            guard position + 4 <= bytes.count,
                let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
            else { return nil }
            position += 4
            return code
        }

        static func isDelimiter(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
                || [0x20, 0x09, 0x0A, 0x0D].contains(byte)
        }

        static func codePoints(_ scalars: [Unicode.Scalar]) -> String {
            scalars.map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
                .joined(separator: " ")
        }
    }

    private struct IndexKey: CodingKey {
        var stringValue: String { "Index \(intValue!)" }
        var intValue: Int?
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
