import Foundation
import Testing

/// `herald bench` runs and reports figures. A smoke test: it checks the report's shape and that
/// every figure is a positive measurement, never how fast anything is.
@Suite struct BenchSmokeTests {
    /// One row of `herald bench … --format json`.
    struct Row: Decodable {
        struct Samples: Decodable { var values: [Double] }
        var workload: String
        var unit: String
        var herald: Samples?
        var note: String?
    }

    struct Report: Decodable {
        var title: String
        var rows: [Row]
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("BenchFixtures")

    private func bench(_ arguments: [String]) async throws -> Report {
        let home = try HeraldBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let work = home.appendingPathComponent("bench").path
        let result = try await HeraldBinary.run(["bench"] + arguments + ["--runs", "1", "--no-anchors", "--format", "json",
                                                                    "--work", work], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    @Test func frameMeasuresEveryKeyKindAndTheRatio() async throws {
        let report = try await bench(["frame", "--rows", "3000", "--keys", "20"])
        #expect(report.rows.map(\.workload).contains { $0.contains("keypress j") && $0.contains("3,000 headlines") })
        #expect(report.rows.map(\.workload).contains { $0.contains("keypress PgDn") })
        #expect(report.rows.contains { $0.unit == "ratio" })
        for row in report.rows {
            let values = try #require(row.herald?.values, "\(row.workload): \(row.note ?? "")")
            #expect(!values.isEmpty && values.allSatisfy { $0 > 0 }, "\(row.workload)")
        }
        // Twenty keypresses, one sample each.
        #expect(report.rows.first { $0.workload.contains("keypress j") }?.herald?.values.count == 20)
    }

    @Test func parseReportsThroughputOfTheFixture() async throws {
        let file = Self.fixtures.appendingPathComponent("small.rss.xml").path
        let report = try await bench(["parse", file])
        let full = try #require(report.rows.first { $0.workload.contains("into articles with blocks") })
        #expect(full.workload.contains("12 entries"))
        #expect(full.unit == "megabytesPerSecond")
        #expect(full.herald?.values.count == 1)
        #expect((full.herald?.values.first ?? 0) > 0)
    }

    @Test func aMissingFileIsAFailedRowNotACrash() async throws {
        let report = try await bench(["parse", Self.fixtures.appendingPathComponent("no-such-file.xml").path])
        let row = try #require(report.rows.first)
        #expect(row.herald == nil)
        #expect(row.note?.hasPrefix("failed") == true)
    }
}
