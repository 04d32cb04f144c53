import Testing
@testable import TerminalUI

@Suite struct ListViewTests {
    @Test func emptyList() {
        var list = ListView(count: 0, height: 5)
        list.move(by: 3)
        list.pageDown()
        #expect(list.selected == 0)
        #expect(list.visibleRange.isEmpty)
        #expect(list.selectedRow == nil)
    }

    @Test func selectionStaysVisible() {
        var list = ListView(count: 100, height: 10)
        list.move(by: 9)
        #expect(list.top == 0)
        list.move(by: 1)
        #expect(list.top == 1)
        #expect(list.visibleRange == 1..<11)
        #expect(list.selectedRow == 9)
        list.select(50)
        #expect(list.visibleRange.contains(50))
        list.select(3)
        #expect(list.top == 3)
        list.move(by: -10)
        #expect(list.selected == 0 && list.top == 0)
        list.end()
        #expect(list.selected == 99 && list.top == 90)
    }

    @Test func scrollOffKeepsContext() {
        var list = ListView(count: 100, height: 10, scrollOff: 2)
        list.select(7)
        #expect(list.top == 0)
        list.select(8)
        #expect(list.top == 1)  // two rows stay visible below the selection
        list.select(3)
        #expect(list.top == 1)
        list.select(2)
        #expect(list.top == 0)
        list.end()
        #expect(list.top == 90)  // no margin past the end of the list
        // A margin larger than half the view is reduced so the selection can move.
        var small = ListView(count: 100, height: 3, scrollOff: 5)
        small.select(10)
        #expect(small.selectedRow == 1)
    }

    @Test func pagingKeepsTheScreenRow() {
        var list = ListView(count: 100, height: 10)
        list.select(3)
        list.pageDown()
        #expect(list.selected == 13 && list.top == 10)
        list.pageUp()
        #expect(list.selected == 3 && list.top == 0)
        list.end()
        list.pageDown()
        #expect(list.selected == 99 && list.top == 90)
        list.pageUp()
        #expect(list.selected == 89 && list.top == 80)
    }

    @Test func countAndHeightChanges() {
        var list = ListView(count: 100, selected: 95, height: 10)
        list.setCount(20)
        #expect(list.selected == 19 && list.top == 10)
        list.setHeight(30)
        #expect(list.top == 0 && list.visibleRange == 0..<20)
        list.setHeight(0)
        #expect(list.visibleRange.isEmpty)
        list.setHeight(1)
        #expect(list.visibleRange == 19..<20)
    }
}

@Suite struct TextViewTests {
    @Test func scrollingIsClamped() {
        var view = TextView(lineCount: 50, height: 10)
        view.scroll(by: -3)
        #expect(view.top == 0)
        view.pageDown()
        #expect(view.top == 9)
        view.end()
        #expect(view.top == 40 && view.isAtEnd)
        view.scroll(by: 5)
        #expect(view.top == 40)
        view.home()
        #expect(view.visibleRange == 0..<10)
    }

    @Test func revealAndShortText() {
        var view = TextView(lineCount: 50, height: 10)
        view.reveal(25)
        #expect(view.visibleRange == 16..<26)
        view.reveal(3)
        #expect(view.top == 3)
        view.setLineCount(5)
        #expect(view.top == 0 && view.visibleRange == 0..<5 && view.isAtEnd)
    }
}
