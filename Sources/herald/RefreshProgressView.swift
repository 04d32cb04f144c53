import Foundation
import Synchronization

/// Shows refresh progress: a bar redrawn in place on a terminal, one line per feed otherwise.
final class RefreshProgressView: Sendable {
    private let console: FeedConsole
    /// Columns the bar line may use.
    private let width: Int
    /// True while a bar is on screen (it must be erased before other output).
    private let drawn = Mutex(false)

    init(console: FeedConsole) {
        self.console = console
        self.width = max(40, min(console.columns, 120))
    }

    /// The `Refresher.Progress` callback.
    func update(done: Int, total: Int, feedTitle: String) {
        if console.isTTY {
            console.write("\r" + Self.barLine(done: done, total: total, title: feedTitle, width: width) + "\u{1B}[K")
            drawn.withLock { $0 = true }
        } else {
            let digits = String(total).count
            let count = String(repeating: " ", count: max(0, digits - String(done).count)) + String(done)
            console.write("[\(count)/\(total)] \(feedTitle)\n")
        }
    }

    /// Erases the bar so the summary starts on a clean line.
    func finish() {
        let wasDrawn = drawn.withLock { value in
            defer { value = false }
            return value
        }
        if wasDrawn { console.write("\r\u{1B}[K") }
    }

    /// `[########------------]  87/200  Feed title` fitted to `width` columns.
    static func barLine(done: Int, total: Int, title: String, width: Int) -> String {
        let slots = 24
        let filled = total == 0 ? slots : min(slots, done * slots / total)
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: slots - filled) + "]"
        let digits = String(total).count
        let counter = String(repeating: " ", count: max(0, digits - String(done).count)) + "\(done)/\(total)"
        let head = "\(bar) \(counter)  "
        let room = width - head.count - 1
        // Titles are cleaned text; count characters (wide glyphs may overrun, the line is erased anyway).
        let shown = title.count <= room ? title : String(title.prefix(max(0, room - 1))) + "…"
        return head + shown
    }
}
