import Foundation
import NewsModel

/// One feed line of a newsboat `urls` file.
public struct NewsboatSubscription: Hashable, Sendable {
    /// The feed URL as written (credentials included: `https://user:pass@host/feed`), with
    /// control characters percent-encoded (`TextSanitizer.cleanURL`).
    public var url: String
    /// Tags in order, without the special `~title` tag. Hidden-feed tags (`!…`) are kept
    /// verbatim so the information survives; `isHidden` says whether there was one.
    public var tags: [String]
    /// The `"~Custom Title"` rename, if any.
    public var title: String?
    /// True when a tag starts with `!`: newsboat shows the feed only through query feeds.
    public var isHidden: Bool
    /// Line number in the file, from 1.
    public var line: Int

    public init(url: String, tags: [String] = [], title: String? = nil, isHidden: Bool = false, line: Int) {
        self.url = url
        self.tags = tags
        self.title = title
        self.isHidden = isHidden
        self.line = line
    }

    /// The subscription as a Herald feed (its title is the rename, else the URL until fetched).
    public var feed: Feed {
        Feed(url: url, kind: .web, title: title ?? url, tags: tags)
    }
}

/// A line that names a feed Herald does not import, and why.
public struct NewsboatSkippedLine: Hashable, Sendable {
    public var line: Int
    public var url: String
    public var reason: String

    public init(line: Int, url: String, reason: String) {
        self.line = line
        self.url = url
        self.reason = reason
    }
}

/// A parsed newsboat `urls` file.
public struct NewsboatURLs: Hashable, Sendable {
    public var subscriptions: [NewsboatSubscription]
    public var skipped: [NewsboatSkippedLine]

    /// Parses a `urls` file as newsboat's documentation describes it:
    ///
    /// - one feed per line: a URL, then tags separated by blanks (space or tab);
    /// - `"quoted tags"` may hold spaces; inside quotes `\"` and `\\` are a quote and a backslash;
    /// - a `"~Title"` tag renames the feed; a tag starting with `!` hides it;
    /// - a token starting with `#` outside quotes comments out the rest of the line
    ///   (so whole-line comments and trailing comments); blank lines are ignored;
    /// - `query:` feeds (newsboat's saved searches) are skipped with a message, and so are
    ///   `exec:` and `filter:` feeds: Herald never runs commands named in a subscription list;
    /// - credentials in the URL (`https://user:pass@host/…`) are kept.
    public static func parse(_ text: String) -> NewsboatURLs {
        var result = NewsboatURLs(subscriptions: [], skipped: [])
        var seen = Set<String>()
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            let tokens = tokenize(rawLine)
            // The URL's control characters are percent-encoded: it is shown and stored.
            guard let url = tokens.first.map(TextSanitizer.cleanURL), !url.isEmpty else { continue }
            if let reason = unsupportedReason(url) {
                result.skipped.append(NewsboatSkippedLine(line: lineNumber, url: FeedAddress.redacted(url), reason: reason))
                continue
            }
            var subscription = NewsboatSubscription(url: url, line: lineNumber)
            for tag in tokens.dropFirst() where !tag.isEmpty {
                if tag.hasPrefix("~") {
                    let title = TextSanitizer.clean(String(tag.dropFirst()), keepNewlines: false)
                        .trimmingCharacters(in: .whitespaces)
                    if !title.isEmpty { subscription.title = title }
                } else {
                    if tag.hasPrefix("!") { subscription.isHidden = true }
                    let clean = TextSanitizer.clean(tag, keepNewlines: false)
                    if !subscription.tags.contains(clean) { subscription.tags.append(clean) }
                }
            }
            guard seen.insert(url).inserted else {
                result.skipped.append(NewsboatSkippedLine(
                    line: lineNumber, url: FeedAddress.redacted(url), reason: "listed again; the first line counts"))
                continue
            }
            result.subscriptions.append(subscription)
        }
        return result
    }

    /// Why Herald does not import `url`, or nil when it does.
    static func unsupportedReason(_ url: String) -> String? {
        let lower = url.lowercased()
        if lower.hasPrefix("query:") {
            return "query feeds (saved searches) are not imported; use herald search instead"
        }
        if lower.hasPrefix("exec:") || lower.hasPrefix("filter:") {
            return "\(lower.hasPrefix("exec:") ? "exec:" : "filter:") feeds run a command; Herald never runs commands from a subscription list"
        }
        do {
            _ = try FeedAddress.validate(url)
            return nil
        } catch {
            return error.description
        }
    }

    /// Splits a line into tokens the way newsboat does: blanks separate, double quotes group,
    /// a `#` starting a token ends the line.
    static func tokenize(_ line: Substring) -> [String] {
        var tokens: [String] = []
        var chars = line[...]
        while true {
            while let c = chars.first, c == " " || c == "\t" || c == "\r" { chars.removeFirst() }
            guard let first = chars.first else { break }
            if first == "#" { break }
            var token = ""
            if first == "\"" {
                chars.removeFirst()
                while let c = chars.popFirst() {
                    if c == "\"" { break }
                    if c == "\\", let escaped = chars.popFirst() {
                        switch escaped {
                        case "n": token.append("\n")
                        case "t": token.append("\t")
                        case "r": token.append("\r")
                        case "v": token.append("\u{0B}")
                        default: token.append(escaped)
                        }
                    } else {
                        token.append(c)
                    }
                }
            } else {
                while let c = chars.first, c != " ", c != "\t", c != "\r" {
                    token.append(c)
                    chars.removeFirst()
                }
            }
            tokens.append(token)
        }
        return tokens
    }
}
