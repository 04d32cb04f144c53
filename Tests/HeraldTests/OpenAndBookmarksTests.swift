import Foundation
import Testing

/// `herald open` never involves a shell; bookmark exports round-trip through `bookmarks import`.
@Suite struct OpenAndBookmarksTests {
    /// A "browser" that records its argument vector as JSON, one argument per element.
    static func recorder(in home: URL) throws -> (script: String, output: URL) {
        let output = home.appendingPathComponent("argv.json")
        let script = home.appendingPathComponent("record-argv")
        try """
        #!/usr/bin/env python3
        import json, sys
        with open(\(String(reflecting: output.path)), "w") as f:
            json.dump(sys.argv[1:], f)
        """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return (script.path, output)
    }

    @Test(arguments: [
        "https://example.com/$(touch PWNED)",
        "https://example.com/`touch PWNED`",
        "https://example.com/a;touch PWNED",
        "https://example.com/\"q\"'s' space&x|y",
    ])
    func openPassesTheURLAsOneArgument(url: String) async throws {
        let home = try HeraldBinary.temporaryDirectory()
        let (script, output) = try Self.recorder(in: home)
        let result = try await HeraldBinary.run(["open", "--wait", url], home: home, extraEnvironment: ["BROWSER": script])
        #expect(result.status == 0, "\(result.stderr)")
        let argv = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String]
        #expect(argv == [url])
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("PWNED").path))
    }

    @Test func openRefusesOtherSchemes() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        let (script, output) = try Self.recorder(in: home)
        let result = try await HeraldBinary.run(["open", "--wait", "file:///etc/passwd"], home: home, extraEnvironment: ["BROWSER": script])
        #expect(result.status != 0)
        #expect(result.stderr.contains("only http, https and mailto"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func bookmarkExportRoundTripsThroughImport() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        let first = home.appendingPathComponent("first.db").path
        let second = home.appendingPathComponent("second.db").path
        // Bookmarks to start from, on a sample story (matched by title and source) and on one not in the store.
        let document = """
        {"version": 1, "exported": "2026-11-27T10:00:00Z", "articles": [
          {"title": "Russia seeks veto in Ukraine security guarantees", "source": "T4K3.news", "url": null, "date": null,
           "bookmarks": [{"kind": "takeaway", "text": "This will not work", "attribution": "Lavrov dismissing Europe’s approach",
                          "note": "the key line", "tags": ["russia", "diplomacy"], "created": "2026-11-27T09:00:00Z", "orphaned": false}]},
          {"title": "A story from elsewhere", "source": "Elsewhere", "url": "https://example.com/story", "date": "2026-11-01T00:00:00Z",
           "bookmarks": [{"kind": "passage", "text": "A passage kept from it.", "attribution": null, "note": null, "tags": [],
                          "created": "2026-11-26T09:00:00Z", "orphaned": false}]}
        ]}
        """
        let input = home.appendingPathComponent("input.json")
        try document.write(to: input, atomically: true, encoding: .utf8)
        let imported = try await HeraldBinary.run(["bookmarks", "import", "--store", first, input.path], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 2"))

        let exportFile = home.appendingPathComponent("export.json").path
        let exported = try await HeraldBinary.run(["bookmarks", "export", "--store", first, "--format", "json", "-o", exportFile], home: home)
        #expect(exported.status == 0, "\(exported.stderr)")
        let reimported = try await HeraldBinary.run(["bookmarks", "import", "--store", second, exportFile], home: home)
        #expect(reimported.status == 0, "\(reimported.stderr)")
        // Importing the same file again adds nothing.
        let again = try await HeraldBinary.run(["bookmarks", "import", "--store", second, exportFile], home: home)
        #expect(again.stdout.contains("imported 0 bookmarks, 2 already present"))

        func articles(_ store: String) async throws -> [[String: Any]] {
            let r = try await HeraldBinary.run(["bookmarks", "--store", store, "--json"], home: home)
            let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            return doc?["articles"] as? [[String: Any]] ?? []
        }
        let a = try await articles(first), b = try await articles(second)
        #expect(a.count == 2)
        #expect(NSArray(array: a).isEqual(to: b), "the round trip changed the bookmarks")
        let takeaway = a.flatMap { ($0["bookmarks"] as? [[String: Any]]) ?? [] }.first { $0["text"] as? String == "This will not work" }
        #expect(takeaway?["note"] as? String == "the key line")
        #expect(takeaway?["tags"] as? [String] == ["russia", "diplomacy"])

        let markdown = try await HeraldBinary.run(["bookmarks", "export", "--store", second, "--format", "markdown"], home: home)
        #expect(markdown.stdout.contains("## Russia seeks veto in Ukraine security guarantees"))
        #expect(markdown.stdout.contains("> This will not work"))
        #expect(markdown.stdout.contains("— Lavrov dismissing Europe’s approach"))
        #expect(markdown.stdout.contains("Tags: #russia #diplomacy"))
    }
}
