import Foundation
import NewsModel
import TerminalUI
import Testing
@testable import ReaderUI

/// Bookmarking highlights and passages, notes and tags, and the bookmarks screen.
@Suite struct BookmarkTests {
    /// The scalar range of `part` in `text`.
    func scalarRange(of part: String, in text: String) throws -> Range<Int> {
        let range = try #require(text.range(of: part))
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        return start..<(start + part.unicodeScalars.count)
    }

    @Test func bookmarkingASidebarHighlight() throws {
        var state = Fixtures.readingState()
        press(&state, .tab, .char("j"))
        #expect(state.focus == .sidebar)
        let effects = press(&state, .char("b"))
        let highlight = Fixtures.article.highlights[1]
        let expected = Bookmark(articleID: ArticleID(101), highlightID: highlight.id, kind: .keySentence,
                                text: highlight.text, anchor: highlight.anchor, created: Fixtures.now)
        #expect(effects == [.addBookmark(expected)])
        // Shown as bookmarked at once, and replaced (not duplicated) once saved.
        #expect(state.reader?.sidebarItems[1].bookmark != nil)
        var saved = expected
        saved.id = BookmarkID(8)
        send(&state, .bookmarkSaved(saved))
        #expect(state.reader?.bookmarks.map(\.id) == [BookmarkID(7), BookmarkID(8)])
        #expect(state.reader?.sidebarItems[1].bookmark?.id == BookmarkID(8))
    }

    @Test func bOnABookmarkedHighlightRemovesTheBookmark() {
        var state = Fixtures.readingState()
        press(&state, .tab)
        #expect(state.reader?.sidebarItems[0].bookmark?.id == BookmarkID(7))
        #expect(press(&state, .char("b")) == [.removeBookmark(BookmarkID(7))])
        #expect(state.reader?.sidebarItems[0].bookmark == nil)
        send(&state, .bookmarkRemoved(BookmarkID(7)))
        #expect(state.reader?.bookmarks.isEmpty == true)
    }

    @Test func aBookmarkMatchesItsHighlightByTextWhenItHasNoHighlightID() {
        var state = Fixtures.loadedState()
        press(&state, .enter)
        var bookmark = Fixtures.takeawayBookmark
        bookmark.highlightID = nil
        send(&state, .articleLoaded(Fixtures.article, bookmarks: [bookmark]))
        let items = state.reader?.sidebarItems ?? []
        #expect(items.count == 3, "matched to the takeaway, not listed again as a passage")
        #expect(items[0].bookmark?.id == BookmarkID(7))
    }

    @Test func selectingAndBookmarkingAPassage() throws {
        var state = Fixtures.readingState()
        let text = Fixtures.article.body[0].plainText
        press(&state, .char("v"))
        #expect(state.keyContext == .visual)
        let first = try scalarRange(of: "Negotiators left Geneva on Monday without a deal.", in: text)
        #expect(state.selection == PassageSelection(block: 0, start: first.lowerBound, end: first.upperBound))

        press(&state, .char("j"))
        let second = try scalarRange(of: "Officials said talks would resume.", in: text)
        #expect(state.selection?.end == second.upperBound)
        press(&state, .char("j"), .char("k"))
        #expect(state.selection?.end == second.upperBound)

        let effects = press(&state, .char("b"))
        let expected = Bookmark(articleID: ArticleID(101), kind: .passage,
                                text: "Negotiators left Geneva on Monday without a deal. Officials said talks would resume.",
                                anchor: Anchor(block: 0, start: first.lowerBound, end: second.upperBound),
                                created: Fixtures.now)
        #expect(effects == [.addBookmark(expected)])
        #expect(state.selection == nil)
        // The passage now shows in the sidebar, after the highlights.
        #expect(state.reader?.sidebarItems.last?.kind == .passage)
    }

    @Test func paragraphStepsAndEscapeInVisualMode() {
        var state = Fixtures.readingState()
        let text = Fixtures.article.body[0].plainText
        press(&state, .char("v"), .char("}"))
        #expect(state.selection == PassageSelection(block: 0, start: 0, end: text.unicodeScalars.count))
        press(&state, .char("{"))
        #expect(state.selection?.end == 49)
        press(&state, .char("J"))
        #expect(state.selection == PassageSelection(block: 1, start: 0, end: "What happens next".count))
        press(&state, .char("K"))
        #expect(state.selection?.block == 0)
        #expect(press(&state, .escape).isEmpty)
        #expect(state.selection == nil)
        #expect(state.keyContext == .normal(.article))
    }

    @Test func writingANoteAndTagsOnASidebarBookmark() {
        var state = Fixtures.readingState()
        press(&state, .tab, .char("a"))
        #expect(state.prompt == Prompt(.note(BookmarkID(7)), text: "check in April"))
        press(&state, keys(" again"))
        press(&state, .backspace)
        let note = press(&state, .enter)
        #expect(note == [.updateBookmark(BookmarkID(7), note: "check in April agai", tags: ["trade"])])
        #expect(state.reader?.bookmarks[0].note == "check in April agai")

        press(&state, .char("t"))
        #expect(state.prompt == Prompt(.tags(BookmarkID(7)), text: "trade"))
        press(&state, keys(", #policy trade"))
        let tags = press(&state, .enter)
        #expect(tags == [.updateBookmark(BookmarkID(7), note: "check in April agai", tags: ["trade", "policy"])])
    }

    @Test func aNoteNeedsABookmark() {
        var state = Fixtures.readingState()
        press(&state, .tab, .char("j"), .char("a"))
        #expect(state.prompt == nil)
        #expect(state.message == .info("Bookmark it first with b"))
    }

    @Test func escapeCancelsAPromptWithoutEffects() {
        var state = Fixtures.readingState()
        press(&state, .tab, .char("a"))
        press(&state, keys("xyz"))
        #expect(press(&state, .escape).isEmpty)
        #expect(state.prompt == nil)
        #expect(state.reader?.bookmarks[0].note == "check in April")
    }

    // MARK: The bookmarks screen

    static let passage = Bookmark(id: BookmarkID(30), articleID: ArticleID(160), kind: .passage,
                                  text: "Paragraph 30 begins here.", anchor: Anchor(block: 30, start: 0, end: 25),
                                  created: Fixtures.ago(hours: 1))

    static var entries: [BookmarkEntry] {
        [BookmarkEntry(bookmark: Fixtures.takeawayBookmark, articleTitle: Fixtures.article.title, source: "T4K3.news", url: nil, date: nil),
         BookmarkEntry(bookmark: passage, articleTitle: "Long read 160", source: "T4K3.news", url: nil, date: nil)]
    }

    @Test func theBookmarksScreenListsNewestFirstAndFilters() {
        var state = Fixtures.loadedState()
        #expect(press(&state, .char("B")) == [.loadBookmarks(text: nil, tag: nil)])
        #expect(state.keyContext == .overlay(.bookmarks))
        send(&state, .bookmarksLoaded(Self.entries))
        guard case .bookmarks(let screen) = state.overlay else {
            Issue.record("no bookmarks screen")
            return
        }
        #expect(screen.entries.map(\.bookmark.id) == [BookmarkID(30), BookmarkID(7)])

        press(&state, .char("/"))
        press(&state, keys("#trade tariffs"))
        #expect(press(&state, .enter) == [.loadBookmarks(text: "tariffs", tag: "trade")])
        press(&state, .char("q"))
        #expect(state.overlay == nil)
    }

    @Test func enterJumpsToTheArticleAndScrollsToThePassage() throws {
        var state = Fixtures.loadedState()
        press(&state, .char("B"))
        send(&state, .bookmarksLoaded(Self.entries))
        let effects = press(&state, .enter)
        #expect(effects == [.loadArticle(ArticleID(160)), .setRead(ArticleID(160), true)])
        #expect(state.overlay == nil)
        send(&state, .articleLoaded(Fixtures.longArticle(id: 160), bookmarks: [Self.passage]))
        let reader = try #require(state.reader)
        #expect(reader.marked == Self.passage.anchor)
        let anchor = try #require(Self.passage.anchor)
        let lines = try #require(reader.layout.lines(of: anchor))
        let rows = PaneLayout(state).articleRows
        #expect(reader.topLine > 0)
        #expect(lines.lowerBound >= reader.topLine && lines.upperBound < reader.topLine + rows)
        #expect(state.focus == .article)
    }

    @Test func deletingOnTheBookmarksScreen() {
        var state = Fixtures.loadedState()
        press(&state, .char("B"))
        send(&state, .bookmarksLoaded(Self.entries))
        press(&state, .char("j"))
        #expect(press(&state, .char("d")) == [.removeBookmark(BookmarkID(7))])
        guard case .bookmarks(let screen) = state.overlay else {
            Issue.record("no bookmarks screen")
            return
        }
        #expect(screen.entries.map(\.bookmark.id) == [BookmarkID(30)])
        #expect(screen.selected == 0)
    }

    @Test func aNoteFromTheBookmarksScreen() {
        var state = Fixtures.loadedState()
        press(&state, .char("B"))
        send(&state, .bookmarksLoaded(Self.entries))
        press(&state, .char("a"))
        press(&state, keys("why"))
        #expect(press(&state, .enter) == [.updateBookmark(BookmarkID(30), note: "why", tags: [])])
        #expect(state.keyContext == .overlay(.bookmarks))
    }
}
