import Foundation

/// Hand-written date parsing for feeds: RFC 822 with real-world variants and ISO 8601 / RFC 3339.
///
/// Works on UTF-8 bytes without allocating; about a microsecond per date.
public enum FeedDate {
    /// Parses a feed date; nil when it is not a date in any supported form.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Parses a feed date from UTF-8 bytes.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard end - start >= 4 else { return nil }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if isDigit(trimmed[0]), let date = parseISO8601(trimmed) { return date }
        return parseRFC822(trimmed)
    }

    // MARK: - ISO 8601

    /// `YYYY[-MM[-DD]][(T| )hh:mm[:ss[.fff]]][ ][Z|±hh[:]mm|±hh]`, or the basic form `YYYYMMDDThhmmss`.
    static func parseISO8601(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = ByteScanner(s)
        guard let first = scanner.digits(max: 8) else { return nil }
        var year = 0, month = 1, day = 1
        var hour = 0, minute = 0, second = 0
        var offset = 0
        if first.count == 8 {
            // Basic format: YYYYMMDD[Thhmmss]
            year = first.value / 10_000
            month = first.value / 100 % 100
            day = first.value % 100
            if scanner.consume(UInt8(ascii: "T")) || scanner.consume(UInt8(ascii: "t")) {
                guard let t = scanner.digits(max: 6), t.count == 4 || t.count == 6 else { return nil }
                if t.count == 6 {
                    hour = t.value / 10_000; minute = t.value / 100 % 100; second = t.value % 100
                } else {
                    hour = t.value / 100; minute = t.value % 100
                }
                _ = scanner.fraction()
                guard let zone = scanner.isoZone() else { return nil }
                offset = zone
            }
        } else {
            guard first.count == 4 else { return nil }
            year = first.value
            if scanner.consume(UInt8(ascii: "-")) || scanner.consume(UInt8(ascii: "/")) {
                guard let m = scanner.digits(max: 2) else { return nil }
                month = m.value
                if scanner.consume(UInt8(ascii: "-")) || scanner.consume(UInt8(ascii: "/")) {
                    guard let d = scanner.digits(max: 2) else { return nil }
                    day = d.value
                }
            }
            if scanner.consume(UInt8(ascii: "T")) || scanner.consume(UInt8(ascii: "t"))
                || (scanner.peek == 0x20 && scanner.peek(1).map(isDigit) == true && scanner.skip(1)) {
                guard let h = scanner.digits(max: 2), scanner.consume(UInt8(ascii: ":")),
                      let mi = scanner.digits(max: 2) else { return nil }
                hour = h.value
                minute = mi.value
                if scanner.consume(UInt8(ascii: ":")) {
                    guard let sec = scanner.digits(max: 2) else { return nil }
                    second = sec.value
                    _ = scanner.fraction()
                }
                scanner.skipSpaces()
                guard let zone = scanner.isoZone() else { return nil }
                offset = zone
            }
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute,
                        second: second, offsetSeconds: offset)
    }

    // MARK: - RFC 822

    /// RFC 822/1123 and the variants found in the wild: optional or wrong weekday, full month
    /// names, 2-digit years, missing seconds or zone, named and military zones, asctime order.
    static func parseRFC822(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        var day: Int?
        var month: Int?
        var year: Int?
        var hour = 0, minute = 0, second = 0
        var sawTime = false
        var offset = 0
        var sawZone = false
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if isSpace(c) || c == UInt8(ascii: ",") { i += 1; continue }
            var j = i
            while j < n, !isSpace(s[j]), s[j] != UInt8(ascii: ",") { j += 1 }
            let token = UnsafeBufferPointer(rebasing: s[i..<j])
            i = j
            if isDigit(token[0]) {
                if token.contains(UInt8(ascii: ":")) {
                    guard !sawTime, let t = parseClock(token) else { return nil }
                    (hour, minute, second) = (t.h, t.m, t.s)
                    sawTime = true
                } else {
                    guard token.allSatisfy(isDigit), token.count <= 4 else { return nil }
                    let value = token.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    if token.count <= 2, day == nil {
                        day = value
                    } else if year == nil {
                        year = token.count <= 2 ? value + (value < 90 ? 2000 : 1900) : value
                    } else {
                        return nil
                    }
                }
            } else if token[0] == UInt8(ascii: "+") || token[0] == UInt8(ascii: "-") {
                guard !sawZone, let z = numericZone(token) else { return nil }
                offset = z
                sawZone = true
            } else if let m = monthNumber(token), month == nil {
                month = m
            } else if sawTime, !sawZone, let pm = meridiem(token) {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (pm ? 12 : 0)
            } else if sawTime, !sawZone, let z = namedZone(token) {
                offset = z
                sawZone = true
            } else if month == nil, day == nil, year == nil, !sawTime, isWord(token) {
                continue // weekday (any spelling, checked by nobody)
            } else {
                return nil
            }
        }
        guard let day, let month, let year else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute,
                        second: second, offsetSeconds: offset)
    }

    /// `AM`/`PM` (true for PM), in any case, with or without periods.
    private static func meridiem(_ t: UnsafeBufferPointer<UInt8>) -> Bool? {
        let letters = t.filter { $0 != UInt8(ascii: ".") }.map { $0 | 0x20 }
        guard letters.count == 2, letters[1] == UInt8(ascii: "m") else { return nil }
        switch letters[0] {
        case UInt8(ascii: "a"): return false
        case UInt8(ascii: "p"): return true
        default: return nil
        }
    }

    /// `h:mm[:ss[.fff]]` with 1–2 digit fields.
    private static func parseClock(_ t: UnsafeBufferPointer<UInt8>) -> (h: Int, m: Int, s: Int)? {
        var scanner = ByteScanner(t)
        guard let h = scanner.digits(max: 2), scanner.consume(UInt8(ascii: ":")),
              let m = scanner.digits(max: 2) else { return nil }
        var sec = 0
        if scanner.consume(UInt8(ascii: ":")) {
            guard let s = scanner.digits(max: 2) else { return nil }
            sec = s.value
            _ = scanner.fraction()
        }
        guard scanner.atEnd else { return nil }
        return (h.value, m.value, sec)
    }

    /// `+hhmm`, `-hh:mm`, `+hh`; in seconds east of UTC.
    private static func numericZone(_ t: UnsafeBufferPointer<UInt8>) -> Int? {
        var scanner = ByteScanner(t)
        return scanner.isoZone()
    }

    /// Zone names (feedparser's table: unknown names count as UTC) and military letters.
    private static func namedZone(_ t: UnsafeBufferPointer<UInt8>) -> Int? {
        guard isWord(t) || t.contains(UInt8(ascii: "/")) || t.contains(UInt8(ascii: "+"))
                || t.contains(UInt8(ascii: "-")) else { return nil }
        var lower = [UInt8](t)
        for k in lower.indices { lower[k] |= (lower[k] >= 0x41 && lower[k] <= 0x5A) ? 0x20 : 0 }
        var name = lower[...]
        if name.starts(with: Array("etc/".utf8)) { name = name.dropFirst(4) }
        if name.starts(with: Array("gmt".utf8)) || name.starts(with: Array("utc".utf8)) {
            let rest = name.dropFirst(3)
            if rest.isEmpty { return 0 }
            return rest.withUnsafeBufferPointer { buf in
                var scanner = ByteScanner(buf)
                return scanner.isoZone()
            }
        }
        if name.count == 1, let letter = name.first {
            switch letter {
            case UInt8(ascii: "z"): return 0
            case UInt8(ascii: "a")...UInt8(ascii: "i"): return -Int(letter - UInt8(ascii: "a") + 1) * 3600
            case UInt8(ascii: "k")...UInt8(ascii: "m"): return -Int(letter - UInt8(ascii: "k") + 10) * 3600
            case UInt8(ascii: "n")...UInt8(ascii: "y"): return Int(letter - UInt8(ascii: "n") + 1) * 3600
            default: return nil
            }
        }
        let hours: Int
        switch String(decoding: name, as: UTF8.self) {
        case "ut", "gmt", "utc", "z": hours = 0
        case "adt": hours = -3
        case "ast", "at", "edt": hours = -4
        case "est", "et", "cdt": hours = -5
        case "cst", "ct", "mdt": hours = -6
        case "mst", "mt", "pdt": hours = -7
        case "pst", "pt": hours = -8
        case "met": hours = 1
        case "mest": hours = 2
        default: hours = 0 // unknown names are read as UTC, as feedparser does
        }
        return hours * 3600
    }

    private static func monthNumber(_ t: UnsafeBufferPointer<UInt8>) -> Int? {
        guard t.count >= 3, isWord(t) else { return nil }
        let a = t[0] | 0x20, b = t[1] | 0x20, c = t[2] | 0x20
        let key = Int(a) << 16 | Int(b) << 8 | Int(c)
        let month: Int
        switch key {
        case 0x6A616E: month = 1  // jan
        case 0x666562: month = 2  // feb
        case 0x6D6172: month = 3  // mar
        case 0x617072: month = 4  // apr
        case 0x6D6179: month = 5  // may
        case 0x6A756E: month = 6  // jun
        case 0x6A756C: month = 7  // jul
        case 0x617567: month = 8  // aug
        case 0x736570: month = 9  // sep
        case 0x6F6374: month = 10 // oct
        case 0x6E6F76: month = 11 // nov
        case 0x646563: month = 12 // dec
        default: return nil
        }
        // Accept the abbreviation, optionally with a period, or the full English name.
        if t.count == 3 || (t.count == 4 && t[3] == UInt8(ascii: ".")) { return month }
        let full = monthNames[month - 1]
        guard t.count == full.count else { return month == 9 && t.count == 4 ? 9 : nil } // "Sept"
        for (k, ch) in full.enumerated() where t[k] | 0x20 != ch { return nil }
        return month
    }

    private static let monthNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ].map { Array($0.utf8) }

    // MARK: - Calendar arithmetic

    /// A UTC date from civil fields, validating ranges; 24:00:00 is the next midnight.
    static func makeDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                         offsetSeconds: Int) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= daysInMonth(year: year, month: month),
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        if hour == 24, minute != 0 || second != 0 { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    // MARK: - Formatting

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC.
    public static func iso8601(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        var days = total / 86_400
        var secs = total % 86_400
        if secs < 0 { secs += 86_400; days -= 1 }
        // civil_from_days
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))Z"
    }

    // MARK: - Bytes

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    private static func isWord(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        t.allSatisfy { HTMLText.isASCIILetter($0) || $0 == UInt8(ascii: ".") }
    }
}

/// A cursor over date bytes.
struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    func peek(_ ahead: Int) -> UInt8? { index + ahead < bytes.count ? bytes[index + ahead] : nil }

    mutating func skip(_ n: Int) -> Bool { index += n; return true }

    mutating func consume(_ b: UInt8) -> Bool {
        guard peek == b else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while let b = peek, FeedDate.isSpace(b) { index += 1 }
    }

    /// Up to `max` digits; nil when there is none.
    mutating func digits(max: Int) -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while count < max, let b = peek, FeedDate.isDigit(b) {
            value = value * 10 + Int(b - 0x30)
            count += 1
            index += 1
        }
        return count == 0 ? nil : (value, count)
    }

    /// `.fff` or `,fff` (ignored: dates are compared to the second).
    mutating func fraction() -> Bool {
        guard peek == UInt8(ascii: ".") || peek == UInt8(ascii: ","), peek(1).map(FeedDate.isDigit) == true
        else { return false }
        index += 1
        while let b = peek, FeedDate.isDigit(b) { index += 1 }
        return true
    }

    /// An ISO zone (`Z`, `±hh:mm`, `±hhmm`, `±hh`) in seconds east of UTC; 0 when absent.
    mutating func isoZone() -> Int? {
        guard let b = peek else { return 0 }
        if b == UInt8(ascii: "Z") || b == UInt8(ascii: "z") {
            index += 1
            return 0
        }
        guard b == UInt8(ascii: "+") || b == UInt8(ascii: "-") else { return nil }
        index += 1
        let sign = b == UInt8(ascii: "-") ? -1 : 1
        guard let h = digits(max: 2) else { return nil }
        var minutes = 0
        if h.count == 2 {
            _ = consume(UInt8(ascii: ":"))
            if let m = digits(max: 2) {
                guard m.count == 2 else { return nil }
                minutes = m.value
            }
        }
        guard h.value <= 23, minutes <= 59 else { return nil }
        return sign * (h.value * 3600 + minutes * 60)
    }
}
