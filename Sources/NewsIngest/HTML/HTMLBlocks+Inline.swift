import NewsModel

extension HTMLBlocks {
    /// The inline text of the block being read, as styled runs, with HTML whitespace rules:
    /// runs of spaces, tabs, newlines and NBSP become one space; nothing leads a block or a
    /// line; `<br>` is a `\n` in the text. Works on UTF-8 bytes straight from libxml2.
    /// The style of a run of inline text. Links are told apart by the id of their `<a>`
    /// element, so comparing styles never compares URLs.
    struct Style: Equatable {
        /// 0 outside links; otherwise a number unique to the enclosing `<a>`.
        var linkID: Int
        var emphasis: Bool

        static let plain = Style(linkID: 0, emphasis: false)
    }

    /// The inline text of the block being read, as styled runs, with HTML whitespace rules:
    /// runs of spaces, tabs, newlines and NBSP become one space; nothing leads a block or a
    /// line; `<br>` is a `\n` in the text. Works on UTF-8 bytes straight from libxml2.
    struct InlineText {
        private(set) var spans: [Span] = []
        /// Bytes of the current run, all in `runStyle`.
        private var run: [UInt8] = []
        private var runStyle = Style.plain
        private var runLink: String?
        /// Whitespace was seen since the last visible character.
        private var pendingSpace = false
        /// The last thing added was a line break.
        private var afterBreak = false

        /// True when nothing visible has been added since the last `take()`.
        var isEmpty: Bool { spans.isEmpty && run.isEmpty }

        private static func isSpace(_ b: UInt8) -> Bool {
            b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
        }

        /// Appends UTF-8 text in `style`; `link` is the URL of `style.linkID`.
        mutating func append(_ text: UnsafeBufferPointer<UInt8>, style: Style, link: String?) {
            guard let base = text.baseAddress else { return }
            var start = 0, end = text.count
            while start < end, Self.isSpace(base[start]) { start += 1 }
            while end > start, Self.isSpace(base[end - 1]) { end -= 1 }
            if start > 0 { pendingSpace = true }
            guard start < end else { return }
            // Fast path: the only whitespace inside is single spaces (most text nodes).
            var simple = true
            var i = Self.plainPrefix(base, from: start, to: end)
            while i < end {
                let b = base[i]
                if b <= 0x20 {
                    if b != 0x20 || base[i + 1] == 0x20 { simple = false; break }
                } else if b == 0xC2 && base[i + 1] == 0xA0 {
                    simple = false
                    break
                }
                i += 1
            }
            if simple {
                appendVisible(UnsafeBufferPointer(rebasing: text[start..<end]), style: style, link: link)
            } else {
                appendCollapsing(UnsafeBufferPointer(rebasing: text[start..<end]), style: style, link: link)
            }
            if end < text.count { pendingSpace = true }
        }

        /// The end of the leading 8-byte words of `base[start..<end]` that hold no byte under
        /// 0x20, no 0xC2 (an NBSP's lead byte) and no two spaces in a row (the byte after a word
        /// included): bytes the fast path's byte loop would pass over, checked eight at a time.
        private static func plainPrefix(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
            let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            var i = start
            while i + 9 <= end {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let belowSpace = (word &- 0x20 &* ones) & ~word & high
                let c2 = word ^ (0xC2 &* ones)
                let hasC2 = (c2 &- ones) & ~c2 & high
                // Exactly the space bytes, as their high bits (no carries between bytes).
                let x = word ^ (0x20 &* ones)
                let spaces = ~(((x & ~high) &+ ~high) | x) & high
                let lastThenNext: UInt64 = spaces >> 63 != 0 && base[i + 8] == 0x20 ? 1 : 0
                let doubled = (spaces & (spaces << 8)) | lastThenNext
                guard belowSpace | hasC2 | doubled == 0 else { break }
                i += 8
            }
            return i
        }

        /// Appends text with whitespace runs (including NBSP) collapsed, word by word.
        private mutating func appendCollapsing(_ text: UnsafeBufferPointer<UInt8>, style: Style, link: String?) {
            guard let base = text.baseAddress else { return }
            let n = text.count
            var i = 0
            while i < n {
                while i < n {
                    if Self.isSpace(base[i]) {
                        i += 1
                    } else if base[i] == 0xC2 && i + 1 < n && base[i + 1] == 0xA0 {
                        i += 2
                    } else {
                        break
                    }
                    pendingSpace = true
                }
                guard i < n else { return }
                let start = i
                while i < n, !Self.isSpace(base[i]), !(base[i] == 0xC2 && i + 1 < n && base[i + 1] == 0xA0) { i += 1 }
                appendVisible(UnsafeBufferPointer(rebasing: text[start..<i]), style: style, link: link)
            }
        }

        /// Appends text given as a Swift string (generated text such as `<q>` marks).
        mutating func append(_ text: String, style: Style, link: String?) {
            var text = text
            text.withUTF8 { append($0, style: style, link: link) }
        }

        /// A space between words, as a block boundary inside a table cell makes.
        mutating func appendSpace() {
            pendingSpace = true
        }

        /// Adds visible bytes. A pending space between runs of different styles goes outside
        /// any link ("see <a>this</a> now"), into a plain span of its own between two links,
        /// and to the unemphasised side of an emphasis boundary.
        private mutating func appendVisible(_ bytes: UnsafeBufferPointer<UInt8>, style: Style, link: String?) {
            let needsSpace = pendingSpace && !isEmpty && !afterBreak
            pendingSpace = false
            afterBreak = false
            guard style != runStyle else {
                if needsSpace { appendToRun(0x20) }
                run.append(contentsOf: bytes)
                return
            }
            var spaceGoesAfter = false
            if needsSpace && runStyle.linkID == style.linkID {
                // An emphasis boundary (inside one link or outside links).
                if runStyle.emphasis { spaceGoesAfter = true } else { appendToRun(0x20) }
            } else if needsSpace {
                switch (runStyle.linkID != 0, style.linkID != 0) {
                case (true, true): endRun(); spans.append(Span(" "))
                case (true, false): spaceGoesAfter = true
                case (false, true): appendToRun(0x20)
                case (false, false): if runStyle.emphasis { spaceGoesAfter = true } else { appendToRun(0x20) }
                }
            }
            endRun()
            runStyle = style
            runLink = link
            if spaceGoesAfter { run.append(0x20) }
            run.append(contentsOf: bytes)
        }

        /// A `<br>`: a line break, or a paragraph break when it follows another one directly
        /// (`<br><br>`). Returns true for a paragraph break; the caller then ends the block.
        mutating func lineBreak() -> Bool {
            pendingSpace = false
            guard !isEmpty else { return false }
            if afterBreak { return true }
            appendToRun(0x0A)
            afterBreak = true
            return false
        }

        /// Adds a byte to the current run, or to the last finished span when the run is empty
        /// (so a space never starts a run of a new style).
        private mutating func appendToRun(_ byte: UInt8) {
            if !run.isEmpty || spans.isEmpty {
                run.append(byte)
            } else {
                spans[spans.count - 1].text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }

        private mutating func endRun() {
            guard !run.isEmpty else { return }
            let decoded = String(decoding: run, as: UTF8.self)
            let text = HTMLBlocks.mayNeedSanitizing(run) ? TextSanitizer.clean(decoded) : decoded
            run.removeAll(keepingCapacity: true)
            guard !text.isEmpty else { return }
            if let last = spans.last, last.link == runLink, last.emphasis == runStyle.emphasis, runLink == nil {
                spans[spans.count - 1].text += text
            } else {
                spans.append(Span(text, link: runLink, emphasis: runStyle.emphasis))
            }
        }

        /// The finished spans with trailing spaces and line breaks trimmed; resets the buffer.
        mutating func take() -> [Span] {
            endRun()
            var result = spans
            spans = []
            pendingSpace = false
            afterBreak = false
            while let last = result.last {
                var text = last.text
                while let s = text.unicodeScalars.last, s == " " || s == "\n" { text.unicodeScalars.removeLast() }
                if text.isEmpty {
                    result.removeLast()
                } else {
                    result[result.count - 1].text = text
                    break
                }
            }
            return result
        }

        /// The text of `take()` as one string.
        mutating func takeText() -> String {
            let spans = take()
            return spans.count == 1 ? spans[0].text : spans.map(\.text).joined()
        }
    }
}

extension HTMLBlocks {
    /// False only when `bytes` (UTF-8) certainly hold nothing `TextSanitizer.clean` would
    /// change: no C0 control but `\n`, no DEL, no C1 control (U+0080–U+009F), and none of the
    /// scalars it drops (U+061C, U+200D–U+200F, U+202A–U+202E, U+2066–U+2069, U+FFF9–U+FFFB).
    /// A byte scan is several times cheaper than the sanitizer's own check on every run.
    static func mayNeedSanitizing(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return false }
            let n = buffer.count
            var i = 0
            while i < n {
                // Eight plain ASCII bytes at a time: no high bit, none below 0x20, no 0x7F.
                while i &+ 8 <= n {
                    let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
                    let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
                    let isDelete = (delete &- 0x0101_0101_0101_0101) & ~delete & high
                    guard (word & high) | belowSpace | isDelete == 0 else { break }
                    i &+= 8
                }
                guard i < n else { break }
                let b = p[i]
                if b < 0x80 {
                    if (b < 0x20 && b != 0x0A) || b == 0x7F { return true }
                    i += 1
                    continue
                }
                // Step a whole scalar at a time (the bytes are valid UTF-8).
                let b1: UInt8 = i + 1 < n ? p[i + 1] : 0
                let b2: UInt8 = i + 2 < n ? p[i + 2] : 0
                switch b {
                case 0xC2:
                    if b1 < 0xA0 { return true }                                     // C1 controls
                    i += 2
                case 0xD8:
                    if b1 == 0x9C { return true }                                    // U+061C
                    i += 2
                case 0xE2:
                    if b1 == 0x80 && ((0x8D...0x8F).contains(b2) || (0xAA...0xAE).contains(b2)) { return true }
                    if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return true }      // U+2066–9
                    i += 3
                case 0xEF:
                    if b1 == 0xBF && (0xB9...0xBB).contains(b2) { return true }      // U+FFF9–B
                    i += 3
                case 0xC3...0xDF: i += 2
                case 0xE0...0xEE: i += 3
                case 0xF0...0xF4: i += 4
                default: i += 1
                }
            }
            return false
        }
    }
}
