import Foundation

/// A day without a time or time zone: the OpenAPI `format: date`, sent as `yyyy-MM-dd`.
///
/// `Date` is an instant, so using it for a birthday or a due date shifts the day as soon as
/// someone formats it in another time zone; this type keeps the three numbers instead.
public struct CalendarDate: Codable, Hashable, Sendable, Comparable, CustomStringConvertible, ParameterValue {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The caller is responsible for passing a real date; use `init?(_:)` for untrusted input.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd`, returning `nil` for anything else or for days that do not exist.
    public init?(_ string: String) {
        var scanner = ASCIIScanner(string)
        guard let year = scanner.digits(4), scanner.skip("-"),
            let month = scanner.digits(2), scanner.skip("-"),
            let day = scanner.digits(2), scanner.isAtEnd,
            CivilCalendar.isValid(year: year, month: month, day: day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day on which `date` falls in `timeZone`.
    public init(_ date: Date, timeZone: TimeZone = .gmt) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: components.year ?? 1970, month: components.month ?? 1, day: components.day ?? 1)
    }

    /// The start of the day in UTC.
    public var midnightUTC: Date {
        let days = CivilCalendar.days(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }

    /// The start of the day in `timeZone`.
    public func startOfDay(in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let date = CalendarDate(string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected a yyyy-MM-dd date, got \"\(string)\""
            )
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        CivilCalendar.padded(year, width: 4) + "-" + CivilCalendar.padded(month, width: 2) + "-"
            + CivilCalendar.padded(day, width: 2)
    }

    public func parameterComponents() -> ParameterComponents {
        .primitive(description)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
