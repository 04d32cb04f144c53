extension Config {
    /// Splits a command line into words the way a user expects, without any shell: blanks
    /// separate words, '…' and "…" group words with blanks (a backslash escapes the next
    /// character outside single quotes). Returns `nil` for an unclosed quote.
    ///
    /// `firefox --new-tab %u` → `["firefox", "--new-tab", "%u"]`;
    /// `"/opt/My Browser/run" %u` → `["/opt/My Browser/run", "%u"]`.
    public static func words(_ text: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for c in text {
            if escaped {
                word.append(c)
                escaped = false
            } else if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == "\\" {
                escaped = true
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        guard quote == nil else { return nil }
        if escaped { word.append("\\") }
        if inWord { words.append(word) }
        return words
    }

    /// The argv that opens `url` in `browser`: every `%u` replaced by the URL, or the URL
    /// appended when no argument has `%u`.
    public static func browserCommand(_ browser: [String], url: String) -> [String] {
        guard browser.contains(where: { $0.contains("%u") }) else { return browser + [url] }
        return browser.map { $0.replacing("%u", with: url) }
    }
}
