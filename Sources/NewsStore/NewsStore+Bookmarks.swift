import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// Adds a bookmark; returns its identity.
    ///
    /// The bookmark copies its article's title, source, URL and date, so it survives the
    /// removal of the feed. A `highlightID` that is not one of the article's highlights is dropped.
    @discardableResult
    public func addBookmark(_ bookmark: Bookmark) throws -> BookmarkID {
        let tags = try JSONList.encode(bookmark.tags.map { TextSanitizer.clean($0, keepNewlines: false) })
        return try write { db in
            guard let article = try Row.fetchOne(db, sql: """
                SELECT a.title, coalesce(a.source, f.title) AS source, a.url, coalesce(a.published, a.updated) AS date
                FROM article a JOIN feed f ON f.id = a.feedID WHERE a.id = ?
                """, arguments: [bookmark.articleID.rawValue]) else {
                throw StoreError.notFound("article \(bookmark.articleID)")
            }
            let highlightID = try bookmark.highlightID.flatMap { id in
                try Int64.fetchOne(db, sql: "SELECT id FROM highlight WHERE id = ? AND articleID = ?",
                                   arguments: [id.rawValue, bookmark.articleID.rawValue])
            }
            try db.execute(sql: """
                INSERT INTO bookmark (articleID, highlightID, kind, text, attribution, anchorBlock, anchorStart,
                                      anchorEnd, note, tags, created, orphaned,
                                      articleTitle, articleSource, articleURL, articleDate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    bookmark.articleID.rawValue, highlightID, bookmark.kind.rawValue,
                    TextSanitizer.clean(bookmark.text), bookmark.attribution.map { TextSanitizer.clean($0) },
                    bookmark.anchor?.block, bookmark.anchor?.start, bookmark.anchor?.end,
                    bookmark.note.map { TextSanitizer.clean($0) }, tags, bookmark.created.timeIntervalSince1970,
                    bookmark.isOrphaned, article["title"], article["source"], article["url"], article["date"],
                ])
            return BookmarkID(db.lastInsertedRowID)
        }
    }

    public func removeBookmark(id: BookmarkID) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM bookmark WHERE id = ?", arguments: [id.rawValue])
            guard db.changesCount > 0 else { throw StoreError.notFound("bookmark \(id)") }
        }
    }

    public func updateBookmark(id: BookmarkID, note: String?, tags: [String]) throws {
        let tags = try JSONList.encode(tags.map { TextSanitizer.clean($0, keepNewlines: false) })
        let note = note.map { TextSanitizer.clean($0) }
        try write { db in
            try db.execute(sql: "UPDATE bookmark SET note = ?, tags = ? WHERE id = ?",
                           arguments: [note, tags, id.rawValue])
            guard db.changesCount > 0 else { throw StoreError.notFound("bookmark \(id)") }
        }
    }

    /// Bookmarks, newest first, optionally filtered by text (in quote, note or title) and tag.
    ///
    /// Text matches case-insensitively (ASCII letters) anywhere in the quote, the note or the
    /// article's title; the tag must equal one of the bookmark's tags, ignoring ASCII case.
    public func bookmarks(matching text: String?, tag: String?) throws -> [BookmarkEntry] {
        let pattern = text.flatMap { $0.isEmpty ? nil : "%" + Self.likeEscaped($0) + "%" }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT b.*, coalesce(a.title, b.articleTitle) AS entryTitle,
                       coalesce(a.source, f.title, b.articleSource) AS entrySource,
                       coalesce(a.url, b.articleURL) AS entryURL,
                       CASE WHEN a.id IS NULL THEN b.articleDate ELSE coalesce(a.published, a.updated) END AS entryDate
                FROM bookmark b LEFT JOIN article a ON a.id = b.articleID LEFT JOIN feed f ON f.id = a.feedID
                WHERE (:pattern IS NULL OR b.text LIKE :pattern ESCAPE '\\' OR b.note LIKE :pattern ESCAPE '\\'
                       OR coalesce(a.title, b.articleTitle) LIKE :pattern ESCAPE '\\')
                  AND (:tag IS NULL OR EXISTS (SELECT 1 FROM json_each(b.tags) WHERE value = :tag COLLATE NOCASE))
                ORDER BY b.created DESC, b.id DESC
                """, arguments: ["pattern": pattern, "tag": tag]).map { row in
                BookmarkEntry(bookmark: BookmarkColumns.bookmark(row), articleTitle: row["entryTitle"],
                              source: row["entrySource"], url: row["entryURL"],
                              date: EpochColumn.date(row["entryDate"]))
            }
        }
    }

    /// The bookmarks of one article, oldest first.
    public func bookmarks(article: ArticleID) throws -> [Bookmark] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM bookmark WHERE articleID = ? ORDER BY created, id"),
                             arguments: [article.rawValue]).map(BookmarkColumns.bookmark)
        }
    }

    /// `text` with LIKE's wildcards and the escape character escaped by `\`.
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

/// Reading bookmark rows.
enum BookmarkColumns {
    static func bookmark(_ row: Row) -> Bookmark {
        Bookmark(id: BookmarkID(row["id"]), articleID: ArticleID(row["articleID"]),
                 highlightID: (row["highlightID"] as Int64?).map(HighlightID.init(rawValue:)),
                 kind: HighlightKind(rawValue: row["kind"]) ?? .passage, text: row["text"],
                 attribution: row["attribution"],
                 anchor: AnchorColumns.anchor(row["anchorBlock"], row["anchorStart"], row["anchorEnd"]),
                 note: row["note"], tags: JSONList.decode(row["tags"]),
                 created: Date(timeIntervalSince1970: row["created"]), isOrphaned: row["orphaned"])
    }
}

/// Finding bookmarked passages again after their article changed.
enum BookmarkAnchoring {
    /// Re-anchors every bookmark of `article` in its new body and highlights.
    ///
    /// A bookmark of a highlight (any kind but `.passage`) follows the new highlight with the
    /// same text, taking its anchor. Otherwise its text is looked for in the body, first in
    /// the block it was in. Found nowhere, it keeps its own copy of the text and is marked orphaned.
    static func reanchor(article: ArticleID, body: [Block], highlights: [(id: Int64, highlight: Highlight)],
                         _ db: Database) throws {
        let bookmarks = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, kind, text, anchorBlock FROM bookmark WHERE articleID = ?
            """), arguments: [article.rawValue])
        guard !bookmarks.isEmpty else { return }
        let blockTexts = body.map(\.plainText)
        let update = try db.cachedStatement(sql: """
            UPDATE bookmark SET highlightID = ?, anchorBlock = ?, anchorStart = ?, anchorEnd = ?, orphaned = ?
            WHERE id = ?
            """)
        for row in bookmarks {
            let text: String = row["text"]
            let wanted = normalized(text)
            let isPassage = row["kind"] == HighlightKind.passage.rawValue
            let highlight = isPassage ? nil : highlights.first { normalized($0.highlight.text) == wanted }
            let anchor = highlight?.highlight.anchor ?? locate(text, in: blockTexts, near: row["anchorBlock"])
            let orphaned = highlight == nil && anchor == nil
            try update.execute(arguments: [highlight?.id, anchor?.block, anchor?.start, anchor?.end, orphaned,
                                           row["id"] as Int64])
        }
    }

    /// Where `text` stands in the blocks, trying block `near` first; offsets in Unicode scalars.
    static func locate(_ text: String, in blockTexts: [String], near: Int?) -> Anchor? {
        guard !text.isEmpty else { return nil }
        var order = Array(blockTexts.indices)
        if let near, blockTexts.indices.contains(near) {
            order.remove(at: near)
            order.insert(near, at: 0)
        }
        for index in order {
            let block = blockTexts[index]
            guard let range = block.range(of: text) else { continue }
            let scalars = block.unicodeScalars
            return Anchor(block: index,
                          start: scalars.distance(from: scalars.startIndex, to: range.lowerBound),
                          end: scalars.distance(from: scalars.startIndex, to: range.upperBound))
        }
        return nil
    }

    /// Text compared with runs of whitespace made one space and the ends trimmed.
    private static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
