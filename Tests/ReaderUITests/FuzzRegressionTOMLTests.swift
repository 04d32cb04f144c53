import Foundation
import Testing
import ReaderUI

/// Inputs the `theme` and `config` fuzz targets (`.fuzz/targets/`) found; see `.fuzz/README.md`.
///
/// All three aborted the process inside toml++ 3.4.0 (bundled by TOMLKit 0.6.0): an `assert` in
/// its parser fails, and SwiftPM builds C++ dependencies without `NDEBUG` in debug and release
/// alike. `TOMLPrecheck` now refuses them with a located error before toml++ sees them; without
/// it these tests take the whole test process down (SIGABRT).
@Suite struct FuzzRegressionTOMLTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    static func text(_ target: String, _ name: String) throws -> String {
        String(decoding: try Data(contentsOf: fixtures.appendingPathComponent("\(target)/\(name)")), as: UTF8.self)
    }

    /// `[!]`: a table header whose key starts with a character that cannot start a key
    /// (`!`, `=`, `é`…). toml++ asserts in `parser::parse_key()`.
    @Test func tableHeaderWithBadKeyIsASyntaxError() throws {
        let source = try Self.text("config", "table-header-bad-key.toml")
        let error = #expect(throws: ConfigError.self) { try Config.parse(toml: source) }
        #expect(error?.line == 1)
        #expect(throws: ThemeError.self) { try Theme.parse(toml: source, name: "fuzz") }
    }

    /// `a = 1979-05-27T:`: a date-time whose time part does not start with a digit. toml++
    /// asserts in `parser::parse_time()`.
    @Test func dateTimeWithoutHourIsASyntaxError() throws {
        let source = try Self.text("config", "date-time-no-hour.toml")
        let error = #expect(throws: ConfigError.self) { try Config.parse(toml: source) }
        #expect(error?.line == 1)
        #expect(error?.description == "line 1, column 5: '1979-05-27T:' is not a boolean, number, date or time")
    }

    /// `a = 1979-05-27 1`: a date, a space and one digit (a time cut short). toml++ asserts
    /// `!is_value_terminator(*cp)` in its date-time parser.
    @Test func dateThenDigitIsASyntaxError() throws {
        let source = try Self.text("config", "date-then-digit.toml")
        #expect(throws: ConfigError.self) { try Config.parse(toml: source) }
        #expect(throws: ThemeError.self) { try Theme.parse(toml: source, name: "fuzz") }
    }
}
