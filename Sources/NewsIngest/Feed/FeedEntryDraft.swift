import Foundation

/// A text value with the type it was declared with.
struct TypedText {
    var value: String
    var type: FeedTextType

    /// The value as plain text: HTML is converted; plain text is converted too when it looks
    /// like HTML (the contract's rule).
    var plainText: String {
        switch type {
        case .html, .xhtml:
            return HTMLText.plainText(value)
        case .text, .base64:
            return HTMLText.looksLikeHTML(value) ? HTMLText.plainText(value) : HTMLText.collapseWhitespace(value)
        }
    }

    /// Whether the value is to be read as HTML.
    var isHTML: Bool {
        switch type {
        case .html, .xhtml: return true
        case .text, .base64: return HTMLText.looksLikeHTML(value)
        }
    }
}

/// A link that may still need resolving against the feed's home link (known only at the end).
struct PendingLink {
    var value: String
    /// The `xml:base` in scope where the link was found, when the link was not absolute.
    var base: String?
}

/// The author of a feed or entry as feedparser's `author_detail` records it.
///
/// Atom-style `<name>`/`<email>` children overwrite the name and e-mail (so the last author
/// with a name wins); an RSS-style text author sets both only when nothing is recorded yet.
struct AuthorDetail {
    var name: String?
    var email: String?

    /// The name, or the e-mail address when there is no name.
    var display: String? {
        if let name, !name.isEmpty { return name }
        if let email, !email.isEmpty { return email }
        return nil
    }
}

/// What is known about an entry while its elements are being read.
struct EntryDraft {
    var title: TypedText?
    var mediaTitle: TypedText?
    var link: PendingLink?
    var sawLinkElement = false
    var guidLink: PendingLink?
    var id: String?
    var published: Date?
    var updated: Date?
    var author: AuthorDetail?
    /// The first non-empty Atom `content`, `content:encoded` or `xhtml:body`.
    var content: TypedText?
    /// The first non-empty `description`, `dc:description` or Atom `summary`.
    var description: TypedText?
    /// The first non-empty other body (`itunes:summary`, `media:description`).
    var otherBody: TypedText?
    var related: [(title: String?, link: PendingLink)] = []
    var enclosures: [(link: PendingLink, type: String?, length: Int?)] = []

    /// The finished entry, with links resolved by `resolve`.
    func entry(inheritedAuthor: String?, resolve: (PendingLink?) -> String?) -> ParsedEntry {
        var entry = ParsedEntry()
        entry.title = (title ?? mediaTitle).map(\.plainText)
        entry.link = sawLinkElement ? resolve(link) : resolve(guidLink)
        entry.id = id.flatMap { $0.isEmpty ? nil : $0 }
        entry.published = published
        entry.updated = updated
        entry.author = author?.display.map { TypedText(value: $0, type: .text).plainText }
            .flatMap { $0.isEmpty ? nil : $0 } ?? inheritedAuthor
        if let body = content ?? description ?? otherBody {
            entry.contentHTML = body.value
            entry.contentIsHTML = body.isHTML
            if content != nil { entry.summary = description?.value }
        }
        entry.relatedLinks = related.compactMap { item in
            resolve(item.link).map { FeedRelatedLink(title: item.title, url: $0) }
        }
        entry.enclosures = enclosures.compactMap { item in
            resolve(item.link).map { FeedEnclosure(url: $0, type: item.type, length: item.length) }
        }
        return entry
    }
}
