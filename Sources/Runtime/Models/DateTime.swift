import Foundation

/// An instant, exact to the nanosecond in every year: the OpenAPI `format: date-time`, sent as
/// an RFC 3339 date-time in UTC (`2024-05-01T12:30:00.123456Z`).
///
/// `Date` keeps seconds since 2001 in a `Double`, which holds microseconds only for a few
/// centuries around 2001: Python's `datetime.max`, `9999-12-31T23:59:59.999999Z` (a common
/// "never"), would come back as `10000-01-01T00:00:00Z`, which is not RFC 3339 and which Django
/// rejects. `DateTime` keeps whole seconds and nanoseconds as integers, so a date-time read from
/// a server and sent back is the one it was, for every year from 0001 to 9999. `date` gives the
/// `Date`, and `DateTime(date)` or `.now` make one:
///
/// ```swift
/// let request = PatchedJobWriteRequest(deadline: DateTime(Date().addingTimeInterval(86_400)))
/// if let deadline = job.deadline?.date, deadline < Date() { … }
/// ```
public struct DateTime: Codable, Hashable, Sendable, Comparable, CustomStringConvertible, ParameterValue {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before it).
    public let secondsSince1970: Int
    /// The fraction of the second, `0..<1_000_000_000`.
    public let nanoseconds: Int

    /// An instant from its parts; nanoseconds outside `0..<1_000_000_000` carry into seconds.
    public init(secondsSince1970: Int, nanoseconds: Int = 0) {
        let carry = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : -((-nanoseconds + 999_999_999) / 1_000_000_000)
        self.secondsSince1970 = secondsSince1970 + carry
        self.nanoseconds = nanoseconds - carry * 1_000_000_000
    }

    /// The instant `date` holds, to the microsecond (what Django and PostgreSQL keep).
    public init(_ date: Date) {
        let (seconds, nanoseconds) = InternetDateTime.instant(of: date)
        self.init(secondsSince1970: seconds, nanoseconds: nanoseconds)
    }

    /// Parses an RFC 3339 date-time (any fraction, `Z` or an offset, which is folded into
    /// UTC); `nil` for anything else.
    public init?(_ string: String) {
        guard let (seconds, nanoseconds) = InternetDateTime.parse(string) else { return nil }
        self.init(secondsSince1970: seconds, nanoseconds: nanoseconds)
    }

    /// This moment, to the microsecond.
    public static var now: DateTime { DateTime(Date()) }

    /// The instant as a `Date` (whose `Double` rounds it far from 2001).
    public var date: Date {
        Date(
            timeIntervalSinceReferenceDate: Double(secondsSince1970 - InternetDateTime.referenceDateOffset)
                + Double(nanoseconds) / 1e9
        )
    }

    /// Decodes an RFC 3339 date-time, or a `yyyy-MM-dd` date as midnight UTC (some servers send
    /// dates where their schema says date-time).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        if let value = DateTime(string) {
            self = value
        } else if let day = CalendarDate(string) {
            self.init(secondsSince1970: CivilCalendar.days(year: day.year, month: day.month, day: day.day) * 86_400)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected an RFC 3339 date-time or a yyyy-MM-dd date, got \"\(string)\""
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// RFC 3339 in UTC, with the fraction's significant digits: `2024-05-01T12:30:00.5Z`.
    public var description: String {
        InternetDateTime.string(secondsSince1970: secondsSince1970, nanoseconds: nanoseconds)
    }

    public func parameterComponents() -> ParameterComponents {
        .primitive(description)
    }

    public static func < (lhs: DateTime, rhs: DateTime) -> Bool {
        (lhs.secondsSince1970, lhs.nanoseconds) < (rhs.secondsSince1970, rhs.nanoseconds)
    }
}
