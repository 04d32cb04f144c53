/// Site boilerplate: share prompts, newsletter sign-ups, cookie notices, copyright lines.
extension Prose {
    /// Whole lines that are always boilerplate, compared after `comparable(_:)` folding.
    static let boilerplateLines: Set<String> = [
        "enjoyed this? let your friends know",
        "let your friends know",
        "share this article",
        "share this story",
        "share this",
        "share",
        "advertisement",
        "sponsored content",
        "read more",
        "continue reading",
        "subscribe",
        "subscribe now",
        "sign up",
        "print",
        "comments",
        "back to top",
    ]

    /// Phrases that mark a short line or any sentence as boilerplate, folded to lowercase.
    static let boilerplatePhrases: [String] = [
        "let your friends know", "share this", "share on facebook", "share on twitter", "subscribe",
        "sign up", "click here", "read more", "continue reading", "advertisement", "all rights reserved",
        "we use cookies", "this site uses cookies", "this website uses cookies", "accept cookies",
        "cookie policy", "cookie settings", "cookie preferences", "privacy policy", "terms of service",
        "terms of use", "follow us on", "download our app", "newsletter", "copyright \u{00A9}", "\u{00A9}",
    ]

    /// Longest line, in words, that a boilerplate phrase can condemn; longer lines are prose that
    /// merely mentions the phrase.
    static let maxBoilerplateLineWords = 12

    /// True for a page line that is site furniture rather than the story.
    ///
    /// Rule: the folded line is one of `boilerplateLines`, or it is at most
    /// `maxBoilerplateLineWords` words long and contains one of `boilerplatePhrases`.
    static func isBoilerplateLine(_ line: String) -> Bool {
        let folded = comparable(line)
        if boilerplateLines.contains(folded) { return true }
        guard wordCount(folded) <= maxBoilerplateLineWords else { return false }
        return boilerplatePhrases.contains { folded.contains($0) }
    }

    /// True for a sentence that must never be chosen as a key sentence: it contains any
    /// boilerplate phrase, whatever its length.
    static func isBoilerplateSentence(_ sentence: String) -> Bool {
        let folded = comparable(sentence)
        if boilerplateLines.contains(folded) { return true }
        return boilerplatePhrases.contains { folded.contains($0) }
    }
}
