import Testing
@testable import TerminalUI

@Suite struct LayoutTests {
    let area = Rect(x: 2, y: 1, width: 80, height: 24)

    @Test func horizontalSplit() {
        let parts = Layout.split(area, horizontal: [.fixed(20), .fill, .percent(25)])
        #expect(parts == [
            Rect(x: 2, y: 1, width: 20, height: 24),
            Rect(x: 22, y: 1, width: 40, height: 24),
            Rect(x: 62, y: 1, width: 20, height: 24),
        ])
    }

    @Test func verticalSplitSharesLeftoverWithMinAndFill() {
        let parts = Layout.split(area, vertical: [.fixed(1), .min(3), .fill, .fixed(1)])
        #expect(parts.map(\.height) == [1, 13, 9, 1])
        #expect(parts.map(\.y) == [1, 2, 15, 24])
        #expect(parts.allSatisfy { $0.x == 2 && $0.width == 80 })
    }

    @Test func tinySizesShrinkLaterParts() {
        let tiny = Rect(x: 0, y: 0, width: 3, height: 1)
        #expect(Layout.split(tiny, horizontal: [.fixed(2), .fixed(2), .fill]).map(\.width) == [2, 1, 0])
        #expect(Layout.split(tiny, vertical: [.fixed(1), .fill, .fixed(1)]).map(\.height) == [1, 0, 0])
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        let parts = Layout.split(empty, horizontal: [.percent(50), .fill, .min(4)])
        #expect(parts.map(\.width) == [0, 0, 0])
        #expect(parts.allSatisfy { $0.isEmpty })
    }

    @Test func withoutFlexiblePartsTheRestStaysUnused() {
        #expect(Layout.split(area, horizontal: [.fixed(10), .percent(50)]).map(\.width) == [10, 40])
        #expect(Layout.split(area, horizontal: []) == [])
    }

    @Test func negativeAndOversizedConstraintsAreClamped() {
        #expect(Layout.split(area, horizontal: [.fixed(-5), .percent(150), .fill]).map(\.width) == [0, 80, 0])
    }

    @Test func rectHelpers() {
        let r = Rect(x: 1, y: 1, width: 10, height: 4)
        #expect(r.inset(by: 1) == Rect(x: 2, y: 2, width: 8, height: 2))
        #expect(r.inset(by: 3).isEmpty)
        #expect(r.inset(by: 9).width == 0)
        #expect(r.splitColumns(at: 3) == (Rect(x: 1, y: 1, width: 3, height: 4), Rect(x: 4, y: 1, width: 7, height: 4)))
        #expect(r.splitRows(at: 9).bottom.isEmpty)
        #expect(r.intersection(Rect(x: 8, y: 0, width: 10, height: 2)) == Rect(x: 8, y: 1, width: 3, height: 1))
        #expect(r.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -2, height: 3).width == 0)
    }
}
