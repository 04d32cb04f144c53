import Foundation
import Testing

/// The CLI of issue 2, run as the real binary on a temporary store.
@Suite struct CLITests {
    @Test func versionAndHelpNeedNoTerminal() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        let version = try await HeraldBinary.run(["--version"], home: home)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
        let help = try await HeraldBinary.run(["--help"], home: home)
        #expect(help.status == 0)
        #expect(help.stdout.contains("import"))
    }

    @Test func listOnAnEmptyMachineCreatesTheSampleLibrary() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        let result = try await HeraldBinary.run(["list", "--json", "--limit", "100"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count >= 9)
        #expect(rows.contains { ($0["title"] as? String) == "Russia seeks veto in Ukraine security guarantees" })
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("data/herald/herald.db").path))
    }

    @Test func importAndShowTheSeedPage() async throws {
        guard let shared = HeraldBinary.sharedDir else { return }
        let home = try HeraldBinary.temporaryDirectory()
        let store = home.appendingPathComponent("store.db").path
        let seed = shared.appendingPathComponent("seeds/000_592e6f81161ab51e.txt").path
        let imported = try await HeraldBinary.run(["import", "--store", store, seed], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        let list = try await HeraldBinary.run(["list", "--store", store, "--json"], home: home)
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        let seedRow = try #require(rows.first { ($0["title"] as? String) == "Russia seeks veto in Ukraine security guarantees" })
        let id = try #require(seedRow["id"] as? Int)

        let show = try await HeraldBinary.run(["show", "--store", store, String(id), "--json"], home: home)
        #expect(show.status == 0, "\(show.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(doc["source"] as? String == "T4K3.news")
        #expect((doc["summary"] as? String)?.hasPrefix("Lavrov says Moscow must be involved") == true)
        let takeaways = doc["takeaways"] as? [[String: Any]] ?? []
        #expect(takeaways.count == 4)
        #expect(takeaways.first?["attribution"] as? String == "Lavrov on Russia's role in guarantees")
        let highlights = (doc["highlights"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "highlight" }
        #expect(highlights.count == 4)
        let related = doc["related"] as? [[String: Any]] ?? []
        #expect(related.count == 8)
        let body = doc["body"] as? [[String: Any]] ?? []
        let texts = body.compactMap { $0["text"] as? String }
        #expect(texts.contains { $0.hasPrefix("Russia’s insistence on veto power") })
        #expect(texts.contains("High stakes over security guarantees"))
        #expect(texts.contains { $0.hasPrefix("The demand for a Russian veto") })
        #expect(!texts.contains { $0.contains("Enjoyed this?") })
        // The seed's related title that is its own alternate headline never links to itself.
        let selfLink = related.first { ($0["title"] as? String) == "Russia demands veto on Ukraine security guarantees" }
        #expect(selfLink?["article_id"] as? Int != id)

        // Importing again updates, never duplicates.
        let again = try await HeraldBinary.run(["import", "--store", store, seed], home: home)
        #expect(again.status == 0)
        let list2 = try await HeraldBinary.run(["list", "--store", store, "--json", "--limit", "1000"], home: home)
        let rows2 = try JSONSerialization.jsonObject(with: Data(list2.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows2.count == rows.count)
    }

    @Test func searchFindsBodyWordsAndJSONIsStable() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        let result = try await HeraldBinary.run(["search", "Lavrov", "--json"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!hits.isEmpty)
        let first = try #require(hits.first)
        #expect(first["snippet"] is String)
        #expect((first["article"] as? [String: Any])?["title"] is String)
    }

    @Test func textOutputInAPipeHasNoEscapes() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        let result = try await HeraldBinary.run(["list"], home: home)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.isEmpty)
    }
}

/// What Herald says when it cannot run the reader, and hostile page text in CLI output.
@Suite struct TerminalConditionTests {
    @Test func theReaderWithoutATerminalSaysSo() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        let result = try await HeraldBinary.run([], home: home)
        #expect(result.status != 0)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func hostilePageTextNeverReachesTheOutput() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        let page = home.appendingPathComponent("hostile.txt")
        let ESC = "\u{1B}"
        try """
        Evil\(ESC)]0;pwned\u{07} Site
        Title \(ESC)[2Jwith escapes \u{202E}txt.exe
        A summary that tries \(ESC)]52;c;cm0gLXJmIH4=\u{07}to write the clipboard.

        A body paragraph long enough to be a paragraph, with a \(ESC)P1$r0m\(ESC)\\ DCS string, a lone \(ESC) escape and a carriage\rreturn overwrite in it.
        """.write(to: page, atomically: true, encoding: .utf8)
        let store = home.appendingPathComponent("s.db").path
        let imported = try await HeraldBinary.run(["import", "--store", store, page.path], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        for args in [["list", "--store", store], ["list", "--store", store, "--json"], ["show", "--store", store, "1"],
                     ["show", "--store", store, "1", "--json"], ["search", "--store", store, "escapes"]] {
            let out = try await HeraldBinary.run(args, home: home)
            #expect(out.status == 0, "\(args): \(out.stderr)")
            #expect(!out.stdout.contains(ESC), "\(args) printed an escape")
            #expect(!out.stdout.contains("\u{202E}"), "\(args) printed a bidi override")
            #expect(!out.stdout.contains("\u{9B}"))
        }
    }
}
