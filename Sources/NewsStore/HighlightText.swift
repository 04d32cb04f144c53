import NewsModel

/// Highlight text as the store keeps it: a highlight whose anchor spans exactly its text in the
/// body stores no text (`highlight.text` is NULL) and gets it back from the body when read.
///
/// Most highlights (quotes, key sentences) are body text: storing and indexing them again
/// made up a quarter of a store.
enum HighlightText {
    /// What to store of `highlight`'s text: nil when its anchor recovers it from `body`,
    /// scalar for scalar.
    static func stored(_ highlight: Highlight, body: [Block]) -> String? {
        guard let anchor = highlight.anchor, let anchored = text(at: anchor, in: body),
              anchored.unicodeScalars.elementsEqual(highlight.text.unicodeScalars) else { return highlight.text }
        return nil
    }

    /// A stored highlight's text: the stored text, else the body text at its anchor
    /// (empty when neither is there, which only a damaged store has).
    static func read(stored: String?, anchor: Anchor?, body: [Block]) -> String {
        if let stored { return stored }
        return anchor.flatMap { text(at: $0, in: body) } ?? ""
    }

    /// The body text at `anchor`; nil when the anchor lies outside the body.
    static func text(at anchor: Anchor, in body: [Block]) -> String? {
        guard body.indices.contains(anchor.block) else { return nil }
        let scalars = body[anchor.block].plainText.unicodeScalars
        guard anchor.start >= 0, anchor.start <= anchor.end,
              let start = scalars.index(scalars.startIndex, offsetBy: anchor.start, limitedBy: scalars.endIndex),
              let end = scalars.index(start, offsetBy: anchor.end - anchor.start, limitedBy: scalars.endIndex)
        else { return nil }
        return String(scalars[start..<end])
    }
}
