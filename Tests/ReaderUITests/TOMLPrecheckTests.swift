import Testing
import ReaderUI

/// `TOMLPrecheck` (run by `Config.parse` and `Theme.parse` before TOMLKit): every valid TOML
/// shape passes through to TOMLKit, and malformed ones get a located error instead of reaching
/// toml++, whose assertions abort the process on some of them.
@Suite struct TOMLPrecheckTests {
    /// A document using every TOML 1.0 shape; the config parser only warns about its settings.
    static let everyShape = #"""
    # A comment, then every kind of key and value.
    title = "TOML \"Example\" \u00E9" # trailing comment
    'literal key' = 'C:\Users\x'
    "quoted.key" = 1
    dotted . key-1.x_y = -17
    ints = [ +99, 42, 0, -17, 1_000, 0xDEAD_beef, 0o755, 0b1101 ]
    floats = [ +1.0, 3.1415, -0.01, 5e+22, 1e06, -2E-2, 6.626e-34, 224_617.445_991, inf, -inf, +nan ]
    bools = [true, false]
    dates = [
      1979-05-27T07:32:00Z,   # a comment inside an array
      1979-05-27T00:32:00-07:00,
      1979-05-27t00:32:00.999999+07:00,
      1979-05-27 07:32:00,
      1979-05-27,
      07:32:00,
      00:32:00.999999,
    ]
    nested = [ [1, 2], ["a", 'b'], [ { x = 1 } ] ]
    multi = """
    Roses are red \
      Violets are "blue"."""
    multi_literal = '''
    no \escapes ''here'''
    quotes = """two quotes before the end"""""
    inline = { name = "x", point = { x = 1, y = 2 }, list = [1, 2] }
    empty = {}

    [table]
    [ table . "sub table" ]
    key = "value"

    [[array.of.tables]]
    name = "a"
    [[array.of.tables]]
    """#

    @Test func everyValidShapeReachesTOMLKit() throws {
        let config = try Config.parse(toml: Self.everyShape)
        #expect(!config.warnings.isEmpty)  // unknown settings, each warned about, not errors
        #expect(throws: Never.self) { try Config.parse(toml: "a = 1\r\nb = [\r\n 2,\r\n]\r\n") }
        #expect(throws: Never.self) { try Config.parse(toml: "\u{FEFF}theme = \"mono\"\n") }
    }

    @Test(arguments: [
        ("[!]\n", 1, 2),                                         // toml++ aborted (parse_key)
        ("\n\n[é]\n", 3, 2),                                     // toml++ aborted (parse_key)
        ("a = 1979-05-27T:\n", 1, 5),                            // toml++ aborted (parse_time)
        ("a = 1979-05-27 1\n", 1, 5),                            // toml++ aborted (date-time parser)
        ("# c\na = 1979-05-27T07:32\n", 2, 5),                   // seconds are required in TOML 1.0
        ("a = 1979-5-27\n", 1, 5),
        ("a = 01\n", 1, 5),                                      // leading zero
        ("a = 1__0\n", 1, 5),
        ("a = 1.\n", 1, 5),
        ("a = 0x\n", 1, 5),
        ("a = tru\n", 1, 5),
        ("a = 1 b\n", 1, 7),
        ("a = [1, 2\n", 1, 5),
        ("a = [1 2]\n", 1, 8),
        ("a = { b = 1,\n c = 2 }\n", 1, 13),
        ("a = { b = 1, }\n", 1, 14),
        ("x = 1\na = \"\"\"\nnever closed\n", 2, 5),
        ("a = 'x\nb = 1\n", 1, 7),
        ("a = 1\rb = 2\n", 1, 6),
        ("a b = 1\n", 1, 3),
        ("= 1\n", 1, 1),
        ("[a\n", 1, 3),
        ("[[a]\n", 1, 5),
        ("é = \"x\"\n", 1, 1),
        ("a = " + String(repeating: "[", count: 200), 1, 133),  // nested deeper than toml++ allows
    ])
    func malformedShapesAreLocatedErrors(source: String, line: Int, column: Int) {
        let error = #expect(throws: ConfigError.self) { try Config.parse(toml: source) }
        #expect(error?.line == line, "\(source.debugDescription): \(error?.description ?? "")")
        #expect(error?.column == column, "\(source.debugDescription): \(error?.description ?? "")")
        #expect(throws: ThemeError.self) { try Theme.parse(toml: source, name: "precheck") }
    }
}
