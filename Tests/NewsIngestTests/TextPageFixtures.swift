import Foundation

/// Locates the text-page and HTML fixtures beside these tests.
enum PageFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The bytes of `Fixtures/pages/<name>`.
    static func page(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent("pages").appendingPathComponent(name))
    }

    /// The text of `Fixtures/html/<name>`.
    static func html(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("html").appendingPathComponent(name), encoding: .utf8)
    }
}
