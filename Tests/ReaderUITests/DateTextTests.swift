import Foundation
import Testing
@testable import ReaderUI

/// Dates formatted by hand agree with Foundation's Gregorian calendar.
@Suite struct DateTextTests {
    /// What `Calendar` makes of `date` in the zone `utcOffset` seconds east of UTC.
    func calendarText(_ date: Date, utcOffset: Int) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: utcOffset))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let two = { (n: Int?) in String(format: "%02d", n ?? -1) }
        return "\(c.year ?? -1)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    @Test(arguments: [0, 3_600, -18_000, 19_800, 50_400, -43_200])
    func agreesWithCalendar(utcOffset: Int) throws {
        // 1900 to 2200 in uneven steps (so every month, day and minute comes up), plus the
        // edges of leap days, centuries and the epoch.
        var seconds: [Double] = Array(stride(from: -2_208_988_800.0, to: 7_258_118_400, by: 7_919_999.7))
        seconds += [-1, 0, 59.9, 951_782_400, 951_868_799, 4_107_542_400, 4_107_628_799, -2_203_891_200, 1_709_164_800]
        for second in seconds {
            let date = Date(timeIntervalSince1970: second)
            #expect(DateText.minutes(date, utcOffset: utcOffset) == (try calendarText(date, utcOffset: utcOffset)),
                    "\(second) at \(utcOffset)")
        }
    }

    @Test func civilDaysCoverLeapYears() {
        #expect(DateText.civil(daysSinceEpoch: 0) == (1970, 1, 1))
        #expect(DateText.civil(daysSinceEpoch: -1) == (1969, 12, 31))
        #expect(DateText.civil(daysSinceEpoch: 11_016) == (2000, 2, 29))
        #expect(DateText.civil(daysSinceEpoch: 47_541) == (2100, 3, 1))
    }
}
