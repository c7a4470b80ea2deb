import Foundation

/// RFC 3339 date-times (`2024-05-01T12:30:00.123Z`), the OpenAPI `format: date-time`.
///
/// Hand-written rather than `ISO8601DateFormatter` because servers differ in what they send
/// (Django emits microseconds, others no fraction at all or a `+02:00` offset) and the Foundation
/// parsers accept different subsets of that on different platforms and OS versions.
enum InternetDateTime {
    /// Formats `date` in UTC with millisecond precision: `2024-05-01T12:30:00.123Z`.
    static func string(from date: Date) -> String {
        let totalMilliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
        let millisecondsPerDay = 86_400_000
        // Floor division, so dates before 1970 land on the right day.
        let days = Int((Double(totalMilliseconds) / Double(millisecondsPerDay)).rounded(.down))
        let milliseconds = totalMilliseconds - days * millisecondsPerDay
        let (year, month, day) = CivilCalendar.date(days: days)
        let pad = CivilCalendar.padded
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
            + "T" + pad(milliseconds / 3_600_000, 2)
            + ":" + pad(milliseconds / 60_000 % 60, 2)
            + ":" + pad(milliseconds / 1000 % 60, 2)
            + "." + pad(milliseconds % 1000, 3) + "Z"
    }

    /// Parses a date-time with or without fractional seconds and with a `Z` or numeric offset.
    /// A missing offset is read as UTC, which is what naive Django date-times mean in practice.
    static func date(from string: String) -> Date? {
        var scanner = ASCIIScanner(string)
        guard let year = scanner.digits(4), scanner.skip("-"),
            let month = scanner.digits(2), scanner.skip("-"),
            let day = scanner.digits(2), scanner.skip(anyOf: "Tt ") != nil,
            let hour = scanner.digits(2), scanner.skip(":"),
            let minute = scanner.digits(2), scanner.skip(":"),
            let second = scanner.digits(2)
        else { return nil }

        var fraction = 0.0
        if scanner.skip(anyOf: ".,") != nil {
            guard let value = scanner.fraction() else { return nil }
            fraction = value
        }
        guard let offsetSeconds = timeZoneOffset(&scanner), scanner.isAtEnd,
            CivilCalendar.isValid(year: year, month: month, day: day),
            hour < 24, minute < 60, second <= 60
        else { return nil }

        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Reads `Z`, `±hh:mm`, `±hhmm`, `±hh` or nothing, returning the offset east of UTC.
    private static func timeZoneOffset(_ scanner: inout ASCIIScanner) -> Int? {
        if scanner.isAtEnd || scanner.skip(anyOf: "Zz") != nil {
            return 0
        }
        guard let sign = scanner.skip(anyOf: "+-"), let hours = scanner.digits(2) else { return nil }
        var minutes = 0
        if !scanner.isAtEnd {
            _ = scanner.skip(":")
            guard let value = scanner.digits(2) else { return nil }
            minutes = value
        }
        let offset = hours * 3600 + minutes * 60
        return sign == "-" ? -offset : offset
    }
}
