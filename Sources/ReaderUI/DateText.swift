import Foundation

/// Dates as the reader shows them, formatted by hand from epoch seconds.
///
/// `Calendar.dateComponents` took ~28% of opening an article (Foundation builds a calendar and
/// a time zone each time); the proleptic Gregorian calendar with a fixed UTC offset is a few
/// lines of integer arithmetic instead.
enum DateText {
    /// `date` as "2025-03-04 14:05" in the zone `utcOffset` seconds east of UTC.
    static func minutes(_ date: Date, utcOffset: Int) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffset
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civil(daysSinceEpoch: days)
        let hour = secondOfDay / 3_600, minute = secondOfDay % 3_600 / 60
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute))"
    }

    /// Year, month (1–12) and day (1–31) of a day counted from 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`: eras of 400 years, years starting in March so leap days come last).
    static func civil(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let (era, dayOfEra) = floorDivision(days + 719_468, 146_097)         // 0...146_096
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // from 1 March
        let monthFromMarch = (5 * dayOfYear + 2) / 153                          // 0 = March
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Quotient rounded down and a remainder that is never negative.
    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
