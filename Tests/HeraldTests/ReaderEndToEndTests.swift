import Foundation
import Testing

/// The real binary in tmux, on its own socket, with a temporary store (the reader issue's end-to-end runs).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderEndToEndTests {
    static let seedTitle = "Russia seeks veto in Ukraine security guarantees"
    static let firstTakeaway = "We cannot agree with the fact"

    /// The source named in the article pane's header row (the second column of the first row).
    static func articleSource(_ screen: String) -> String? {
        guard let first = screen.split(separator: "\n").first else { return nil }
        let columns = first.split(separator: "│")
        guard columns.count >= 2 else { return nil }
        let header = columns[1].trimmingCharacters(in: .whitespaces)
        // Drop the trailing scroll percentage.
        return header.split(separator: " ").dropLast().joined(separator: " ")
    }

    /// Opens the seed page through search, as a user would.
    func openSeed(_ tmux: TmuxSession) async throws {
        try tmux.send("/")
        try tmux.type("Lavrov veto")
        try tmux.send("Enter")
        #expect(await tmux.waitFor("Lavrov", timeout: 10).ok)
        try tmux.send("Enter")
        let opened = await tmux.waitFor(timeout: 10) { $0.contains("Key") || $0.contains("Lavrov on Russia") }
        #expect(opened.ok, "article did not open:\n\(opened.screen)")
    }

    @Test func startsOnTheSampleLibraryAndOpensAnArticle() async throws {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        let tmux = try fixture.start()
        defer { tmux.kill() }
        let start = await tmux.waitFor(Self.seedTitle.prefix(20).description, timeout: 20)
        #expect(start.ok, "no sample headline on the first screen:\n\(start.screen)")
        #expect(start.screen.contains("Feeds"))
        try await openSeed(tmux)
        let screen = tmux.capture()
        #expect(screen.contains("T4K3.news"))
        #expect(screen.contains("Lavrov on Russia"), "takeaway attribution missing:\n\(screen)")
    }

    @Test func followsARelatedStoryAndComesBackWithBackspace() async throws {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        let tmux = try fixture.start()
        defer { tmux.kill() }
        #expect(await tmux.waitFor("Harbor Bridge", timeout: 20).ok)
        // A sample story whose "Related News" list resolves to other sample pages.
        try tmux.send("/")
        try tmux.type("inspectors cracks")
        try tmux.send("Enter")
        #expect(await tmux.waitFor("Search: inspectors", timeout: 10).ok)
        try tmux.send("Enter")
        #expect(await tmux.waitFor("Port Veldra closes Harbor Bridge after", timeout: 10).ok)
        // Jump to the end of the article, select the first related story and follow it.
        try tmux.send("G")
        try tmux.send("]")
        try tmux.send("Enter")
        let moved = await tmux.waitFor("Ferry operators add night crossings as Harbor Bridge", timeout: 10)
        #expect(moved.ok, "the related story did not open:\n\(moved.screen)")
        try tmux.send("BSpace")
        // Back restores the story and the place in it (the end, where the related list is).
        let back = await tmux.waitFor(timeout: 10) { screen in
            Self.articleSource(screen) == "Sample Gazette (sample)" && screen.contains("Mayor Ines Calloway")
        }
        #expect(back.ok, "Backspace did not come back:\n\(back.screen)")
        // Forward again, like a browser.
        try tmux.send("l")
        let forward = await tmux.waitFor(timeout: 10) { Self.articleSource($0) == "Riverbend Courier (sample)" }
        #expect(forward.ok, "l did not go forward:\n\(forward.screen)")
    }

    @Test func aBookmarkedTakeawaySurvivesARestart() async throws {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        do {
            let tmux = try fixture.start()
            defer { tmux.kill() }
            #expect(await tmux.waitFor(Self.seedTitle.prefix(20).description, timeout: 20).ok)
            try await openSeed(tmux)
            // Focus the highlights sidebar; its first item is the first takeaway.
            try tmux.send("Tab")
            try tmux.send("b")
            try tmux.send("q")
            #expect(await tmux.waitFor("HERALD-EXITED", timeout: 10).ok)
        }
        let tmux = try fixture.start()
        defer { tmux.kill() }
        #expect(await tmux.waitFor("Feeds", timeout: 20).ok)
        try tmux.send("B")
        let screen = await tmux.waitFor(Self.firstTakeaway, timeout: 10)
        #expect(screen.ok, "the bookmark is not on the bookmarks screen after a restart:\n\(screen.screen)")
    }

    @Test func resizeKeepsThePlace() async throws {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        let tmux = try fixture.start(width: 120, height: 40)
        defer { tmux.kill() }
        #expect(await tmux.waitFor(Self.seedTitle.prefix(20).description, timeout: 20).ok)
        try await openSeed(tmux)
        // Read down to the analysis paragraph.
        for _ in 0..<3 { try tmux.send("Space") }
        let before = await tmux.waitFor(timeout: 5) { $0.contains("insistence") || $0.contains("geostrategic") || $0.contains("High stakes") }
        #expect(before.ok, "could not scroll to the analysis:\n\(before.screen)")
        // The first line of the article pane, once every key has been handled, is where the reader is.
        let settled = await tmux.settled()
        let place = try #require(Self.articleLine(settled, row: 1), "no article line in:\n\(settled)")
        try tmux.resize(width: 50, height: 15)
        let small = await tmux.waitFor(timeout: 5) { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 50 } && !screen.isEmpty
        }
        #expect(small.ok)
        try tmux.resize(width: 120, height: 40)
        let after = await tmux.waitFor(timeout: 5) { ($0.split(separator: "\n").first?.count ?? 0) > 100 && $0.contains(place) }
        #expect(after.ok, "lost the place after resizing (looked for \(place)):\n\(after.screen)")
    }

    /// The text of the article pane on screen row `row`: between the feed list and the sidebar.
    ///
    /// A quotation's bar (`│`) inside the pane stays part of the text.
    static func articleLine(_ screen: String, row: Int) -> String? {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard rows.count > row else { return nil }
        let columns = rows[row].split(separator: "│", omittingEmptySubsequences: false)
        guard columns.count >= 3 else { return nil }
        let text = columns[1..<(columns.count - 1)].joined(separator: "│").trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    @Test func quitRestoresTheTerminal() async throws {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        let tmux = try fixture.start()
        defer { tmux.kill() }
        #expect(await tmux.waitFor("Feeds", timeout: 20).ok)
        try tmux.send("q")
        let exited = await tmux.waitFor("HERALD-EXITED", timeout: 10)
        #expect(exited.ok)
        #expect(exited.screen.contains("exit=0"))
        // The screen is the shell's again (the reader's panes are gone) and the tty modes are back.
        #expect(!exited.screen.contains("Highlights"))
        #expect(try fixture.ttyRestored(), "tty modes differ after quitting")
    }
}
