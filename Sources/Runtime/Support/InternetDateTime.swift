import Foundation

/// RFC 3339 date-times (`2024-05-01T12:30:00.123Z`), the OpenAPI `format: date-time`.
///
/// Hand-written rather than `ISO8601DateFormatter` because servers differ in what they send
/// (Django emits microseconds, others no fraction at all or a `+02:00` offset) and the Foundation
/// parsers accept different subsets of that on different platforms and OS versions. Works on
/// whole seconds since 1970 and nanoseconds, so that no value is rounded through a `Double`.
enum InternetDateTime {
    /// Seconds from 1970 to 2001, the reference date `Date` counts from.
    static let referenceDateOffset = 978_307_200

    /// Formats an instant in UTC with the digits of the fraction it has, without trailing zeros:
    /// `2024-05-01T12:30:00Z`, `…:00.5Z`, `…:00.123456Z`.
    static func string(secondsSince1970 seconds: Int, nanoseconds: Int) -> String {
        // Floor division, so instants before 1970 land on the right day.
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.date(days: days)
        let pad = CivilCalendar.padded
        var text =
            pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
            + "T" + pad(secondOfDay / 3600, 2)
            + ":" + pad(secondOfDay / 60 % 60, 2)
            + ":" + pad(secondOfDay % 60, 2)
        if nanoseconds > 0 {
            var fraction = pad(nanoseconds, 9)[...]
            while fraction.last == "0" { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// Formats `date` in UTC to the microsecond (what Django and PostgreSQL keep), without
    /// trailing zeros. A `Date` is exact to the microsecond only near 2001; `DateTime` is exact
    /// for every year.
    static func string(from date: Date) -> String {
        let (seconds, nanoseconds) = instant(of: date)
        return string(secondsSince1970: seconds, nanoseconds: nanoseconds)
    }

    /// `date` as whole seconds since 1970 and nanoseconds, rounded to the microsecond.
    static func instant(of date: Date) -> (seconds: Int, nanoseconds: Int) {
        // Counted from the reference date, as `Date` stores it: converting to 1970 first would
        // round once more. The fraction is split off exactly before it is rounded.
        let interval = date.timeIntervalSinceReferenceDate
        var wholeSeconds = interval.rounded(.down)
        var microseconds = Int(((interval - wholeSeconds) * 1_000_000).rounded())
        if microseconds == 1_000_000 {
            wholeSeconds += 1
            microseconds = 0
        }
        return (Int(wholeSeconds) + referenceDateOffset, microseconds * 1000)
    }

    /// Parses a date-time with or without fractional seconds (any number of digits; those
    /// beyond nanoseconds are ignored) and with a `Z` or numeric offset, into seconds since 1970
    /// and nanoseconds. A missing offset is read as UTC, which is what naive Django date-times
    /// mean in practice.
    static func parse(_ string: String) -> (seconds: Int, nanoseconds: Int)? {
        var scanner = ASCIIScanner(string)
        guard let year = scanner.digits(4), scanner.skip("-"),
            let month = scanner.digits(2), scanner.skip("-"),
            let day = scanner.digits(2), scanner.skip(anyOf: "Tt ") != nil,
            let hour = scanner.digits(2), scanner.skip(":"),
            let minute = scanner.digits(2), scanner.skip(":"),
            let second = scanner.digits(2)
        else { return nil }

        var nanoseconds = 0
        if scanner.skip(anyOf: ".,") != nil {
            guard let value = scanner.nanoseconds() else { return nil }
            nanoseconds = value
        }
        guard let offsetSeconds = timeZoneOffset(&scanner), scanner.isAtEnd,
            CivilCalendar.isValid(year: year, month: month, day: day),
            hour < 24, minute < 60, second <= 60
        else { return nil }

        let days = CivilCalendar.days(year: year, month: month, day: day)
        return (days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanoseconds)
    }

    /// `parse` as a `Date` (exact to the microsecond near 2001 only).
    static func date(from string: String) -> Date? {
        guard let (seconds, nanoseconds) = parse(string) else { return nil }
        return Date(
            timeIntervalSinceReferenceDate: Double(seconds - referenceDateOffset) + Double(nanoseconds) / 1e9
        )
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
