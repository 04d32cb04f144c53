import Foundation

/// What a benchmark figure measures, and how it is printed.
enum BenchUnit: String, Codable {
    /// Seconds, printed as µs, ms or s.
    case seconds
    /// Bytes, printed as kB, MB or GB.
    case bytes
    /// Throughput, in megabytes (10⁶ bytes) per second.
    case megabytesPerSecond
    /// A plain ratio, printed as "0.93×".
    case ratio
    /// A count (rows, responses).
    case count

    /// `value` in this unit, short and readable.
    func format(_ value: Double) -> String {
        switch self {
        case .seconds:
            if value < 1e-3 { return String(format: "%.0f µs", value * 1e6) }
            if value < 0.1 { return String(format: "%.1f ms", value * 1e3) }
            if value < 1 { return String(format: "%.0f ms", value * 1e3) }
            return String(format: "%.2f s", value)
        case .bytes:
            if value < 1e6 { return String(format: "%.0f kB", value / 1e3) }
            if value < 1e9 { return String(format: "%.1f MB", value / 1e6) }
            return String(format: "%.2f GB", value / 1e9)
        case .megabytesPerSecond:
            return String(format: "%.0f MB/s", value)
        case .ratio:
            return String(format: "%.2f×", value)
        case .count:
            return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }
    }

    /// True when a larger figure is better (throughput); false for times and sizes.
    var higherIsBetter: Bool { self == .megabytesPerSecond }
}

/// Several measurements of one quantity.
struct Samples: Codable {
    var values: [Double]

    init(_ values: [Double]) { self.values = values }

    var median: Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
    var min: Double { values.min() ?? .nan }
    var max: Double { values.max() ?? .nan }

    /// The value at quantile `q` (0...1), nearest rank.
    func quantile(_ q: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((q * Double(sorted.count - 1)).rounded())
        return sorted[Swift.min(sorted.count - 1, Swift.max(0, rank))]
    }

    /// "12.3 ms (11.9–13.0)", or just the value for a single run.
    func summary(_ unit: BenchUnit) -> String {
        guard !values.isEmpty else { return "—" }
        if values.count == 1 { return unit.format(median) }
        var low = unit.format(min)
        let high = unit.format(max)
        // "2.3 ms–26.5 ms" reads better as "2.3–26.5 ms".
        if let space = high.lastIndex(of: " "), low.hasSuffix(high[space...]) {
            low.removeLast(high.distance(from: space, to: high.endIndex))
        }
        return "\(unit.format(median)) (\(low)–\(high))"
    }
}

/// The limit a workload should meet.
struct BenchTarget: Codable {
    var limit: Double

    /// Whether `value` meets the target in `unit`'s direction.
    func isMet(by value: Double, unit: BenchUnit) -> Bool {
        unit.higherIsBetter ? value >= limit : value <= limit
    }

    func describe(_ unit: BenchUnit) -> String {
        (unit.higherIsBetter ? "≥ " : "≤ ") + unit.format(limit)
    }
}

/// Another reader's figure for the same workload: measured in this run, or quoted from the issue.
struct BenchAnchor: Codable {
    /// "newsboat" or "sfeed".
    var tool: String
    /// Measured in this run on the same data.
    var samples: Samples?
    /// The figure the performance issue quotes, when not measured here.
    var quoted: String?
}

/// One line of the results table.
struct BenchRow: Codable {
    var workload: String
    var unit: BenchUnit
    /// Herald's measurements; nil when the workload could not run.
    var herald: Samples?
    var target: BenchTarget?
    var anchors: [BenchAnchor] = []
    /// Why the workload could not run, or what to know about the figure.
    var note: String?

    /// True or false when there is a target and a figure, nil otherwise.
    var meetsTarget: Bool? {
        guard let target, let herald, !herald.values.isEmpty else { return nil }
        return target.isMet(by: herald.median, unit: unit)
    }

    /// How many times faster (or smaller) Herald is than `anchor`; > 1 means Herald wins.
    func advantage(over anchor: BenchAnchor) -> Double? {
        guard let herald, let other = anchor.samples, herald.median > 0, other.median > 0 else { return nil }
        return unit.higherIsBetter ? herald.median / other.median : other.median / herald.median
    }
}

/// Prints rows as a text or Markdown table.
enum BenchTable {
    static func text(_ rows: [BenchRow], title: String) -> String {
        let header = ["workload", "Herald median (min–max)", "target", "met", "newsboat", "sfeed"]
        var table = [header] + rows.map(cells)
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        table.insert(widths.map { String(repeating: "-", count: $0) }, at: 1)
        var out = title + "\n"
        for row in table {
            out += zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        out += notes(rows)
        out += legend
        return out
    }

    static func markdown(_ rows: [BenchRow], title: String) -> String {
        var out = "### \(title)\n\n"
        out += "| workload | Herald median (min–max) | target | met | newsboat | sfeed |\n"
        out += "|---|---|---|---|---|---|\n"
        for row in rows { out += "| " + cells(row).joined(separator: " | ") + " |\n" }
        out += "\n" + notes(rows) + legend
        return out
    }

    static let legend = """
        Figures are medians over the runs, (min–max) when there were several. "(Herald N× \
        faster)" compares medians with the other reader's on the same data in the same run; \
        figures marked * are the issue's, not measured in this run.

        """

    private static func notes(_ rows: [BenchRow]) -> String {
        let noted = rows.enumerated().filter { $0.element.note != nil }
        guard !noted.isEmpty else { return "" }
        return "Notes:\n" + noted.map { "- \($0.element.workload): \($0.element.note ?? "")" }
            .joined(separator: "\n") + "\n\n"
    }

    private static func cells(_ row: BenchRow) -> [String] {
        let herald = row.herald.map { $0.summary(row.unit) } ?? "n/a"
        let target = row.target?.describe(row.unit) ?? ""
        let met = row.meetsTarget.map { $0 ? "yes" : "NO" } ?? ""
        let anchor = { (tool: String) -> String in
            guard let anchor = row.anchors.first(where: { $0.tool == tool }) else { return "" }
            if let samples = anchor.samples {
                let figure = samples.summary(row.unit)
                guard let advantage = row.advantage(over: anchor) else { return figure }
                let (better, worse) = row.unit == .seconds || row.unit == .megabytesPerSecond
                    ? ("faster", "slower") : ("smaller", "larger")
                return figure + (advantage >= 1 ? String(format: " (Herald %.1f× ", advantage) + better + ")"
                                                : String(format: " (Herald %.1f× ", 1 / advantage) + worse + ")")
            }
            return anchor.quoted.map { $0 + "*" } ?? ""
        }
        return [row.workload, herald, target, met, anchor("newsboat"), anchor("sfeed")]
    }
}
