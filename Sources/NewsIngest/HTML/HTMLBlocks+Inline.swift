import NewsModel

extension HTMLBlocks {
    /// The inline text of the block being read, as styled runs, with HTML whitespace rules:
    /// runs of spaces, tabs, newlines and NBSP become one space; nothing leads a block or a
    /// line; `<br>` is a `\n` in the text. Works on UTF-8 bytes straight from libxml2.
    struct InlineText {
        private(set) var spans: [Span] = []
        /// Bytes of the current run, all in `runLink` / `runEmphasis` style.
        private var run: [UInt8] = []
        private var runLink: String?
        private var runEmphasis = false
        /// Whitespace was seen since the last visible character.
        private var pendingSpace = false
        /// The last thing added was a line break.
        private var afterBreak = false

        /// True when nothing visible has been added since the last `take()`.
        var isEmpty: Bool { spans.isEmpty && run.isEmpty }

        /// Appends NUL-terminated UTF-8 text in the given style.
        mutating func append(_ text: UnsafePointer<UInt8>, link: String?, emphasis: Bool) {
            var p = text
            while true {
                // Skip whitespace.
                while true {
                    let b = p.pointee
                    if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                        pendingSpace = true
                        p += 1
                    } else if b == 0xC2 && p[1] == 0xA0 {
                        pendingSpace = true
                        p += 2
                    } else {
                        break
                    }
                }
                if p.pointee == 0 { return }
                // A run of visible bytes.
                let start = p
                while true {
                    let b = p.pointee
                    if b == 0 || b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
                        || (b == 0xC2 && p[1] == 0xA0) { break }
                    p += 1
                }
                appendVisible(UnsafeBufferPointer(start: start, count: p - start), link: link, emphasis: emphasis)
            }
        }

        /// Appends text given as a Swift string (generated text such as `<q>` marks).
        mutating func append(_ text: String, link: String?, emphasis: Bool) {
            var bytes = Array(text.utf8)
            bytes.append(0)
            bytes.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { append(base, link: link, emphasis: emphasis) }
            }
        }

        /// Adds visible bytes. A pending space between runs of different styles goes outside
        /// any link ("see <a>this</a> now"), into a plain span of its own between two links,
        /// and to the unemphasised side of an emphasis boundary.
        private mutating func appendVisible(_ bytes: UnsafeBufferPointer<UInt8>, link: String?, emphasis: Bool) {
            let needsSpace = pendingSpace && !isEmpty && !afterBreak
            pendingSpace = false
            afterBreak = false
            guard link != runLink || emphasis != runEmphasis else {
                if needsSpace { appendToRun(0x20) }
                run.append(contentsOf: bytes)
                return
            }
            var spaceGoesAfter = false
            if needsSpace {
                switch (runLink != nil, link != nil) {
                case (true, true): endRun(); spans.append(Span(" "))
                case (true, false): spaceGoesAfter = true
                case (false, true): appendToRun(0x20)
                case (false, false): if runEmphasis { spaceGoesAfter = true } else { appendToRun(0x20) }
                }
            }
            endRun()
            runLink = link
            runEmphasis = emphasis
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
            let text = TextSanitizer.clean(String(decoding: run, as: UTF8.self))
            run.removeAll(keepingCapacity: true)
            guard !text.isEmpty else { return }
            if let last = spans.last, last.link == runLink, last.emphasis == runEmphasis {
                spans[spans.count - 1].text += text
            } else {
                spans.append(Span(text, link: runLink, emphasis: runEmphasis))
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
    }
}
