import Foundation
import Testing

/// The CLI of issue 2, run as the real binary on a temporary store.
@Suite struct CLITests {
    @Test func versionAndHelpNeedNoTerminal() throws {
        let home = try HeraldBinary.temporaryDirectory()
        let version = try HeraldBinary.run(["--version"], home: home)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
        let help = try HeraldBinary.run(["--help"], home: home)
        #expect(help.status == 0)
        #expect(help.stdout.contains("import"))
    }

    @Test func listOnAnEmptyMachineCreatesTheSampleLibrary() throws {
        let home = try HeraldBinary.temporaryDirectory()
        let result = try HeraldBinary.run(["list", "--json", "--limit", "100"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count >= 9)
        #expect(rows.contains { ($0["title"] as? String) == "Russia seeks veto in Ukraine security guarantees" })
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("data/herald/herald.db").path))
    }

    @Test func importAndShowTheSeedPage() throws {
        guard let shared = HeraldBinary.sharedDir else { return }
        let home = try HeraldBinary.temporaryDirectory()
        let store = home.appendingPathComponent("store.db").path
        let seed = shared.appendingPathComponent("seeds/000_592e6f81161ab51e.txt").path
        let imported = try HeraldBinary.run(["import", "--store", store, seed], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        let list = try HeraldBinary.run(["list", "--store", store, "--json"], home: home)
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        let seedRow = try #require(rows.first { ($0["title"] as? String) == "Russia seeks veto in Ukraine security guarantees" })
        let id = try #require(seedRow["id"] as? Int)

        let show = try HeraldBinary.run(["show", "--store", store, String(id), "--json"], home: home)
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
        let again = try HeraldBinary.run(["import", "--store", store, seed], home: home)
        #expect(again.status == 0)
        let list2 = try HeraldBinary.run(["list", "--store", store, "--json", "--limit", "1000"], home: home)
        let rows2 = try JSONSerialization.jsonObject(with: Data(list2.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows2.count == rows.count)
    }

    @Test func searchFindsBodyWordsAndJSONIsStable() throws {
        let home = try HeraldBinary.temporaryDirectory()
        let result = try HeraldBinary.run(["search", "Lavrov", "--json"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!hits.isEmpty)
        let first = try #require(hits.first)
        #expect(first["snippet"] is String)
        #expect((first["article"] as? [String: Any])?["title"] is String)
    }

    @Test func textOutputInAPipeHasNoEscapes() throws {
        let home = try HeraldBinary.temporaryDirectory()
        let result = try HeraldBinary.run(["list"], home: home)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.isEmpty)
    }
}
