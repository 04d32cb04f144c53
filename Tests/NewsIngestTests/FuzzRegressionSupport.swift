import Foundation

/// Reproducers found by the fuzz targets (`.fuzz/`), kept in `Fixtures/fuzz/<target>/`.
enum FuzzFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    /// The bytes of `Fixtures/fuzz/<target>/<name>`.
    static func data(_ target: String, _ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(target).appendingPathComponent(name))
    }

    /// The file decoded as UTF-8 (invalid bytes become U+FFFD), as the fuzz targets decode it.
    static func text(_ target: String, _ name: String) throws -> String {
        String(decoding: try data(target, name), as: UTF8.self)
    }
}

/// The C0 and C1 control characters other than `\n` in `text` (ESC, C1 CSI…): what must never
/// reach a terminal. Empty when the text is clean.
func fuzzControlCharacters(in text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { s in
        s.value != 0x0A && (s.value < 0x20 || (0x7F..<0xA0).contains(s.value))
    }
}
