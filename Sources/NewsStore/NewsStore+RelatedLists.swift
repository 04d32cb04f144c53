import GRDB
import NewsModel

/// The computed related lists of articles (`.similar`, `.sameStory` rows of `related`), each
/// kept to its best `limit` links by score.
struct RelatedList {
    /// What a computed link shows of the article it leads to.
    struct Target {
        var id: ArticleID
        var title: String
        var titleKey: String
        var url: String?
        var source: String

        init(_ headline: Headline) {
            id = headline.id
            title = headline.title
            titleKey = TitleKey.make(headline.title)
            url = headline.url
            source = headline.source
        }
    }

    /// A computed link: the article it leads to and how related that is.
    struct Entry {
        var target: Target
        var score: Double

        init(target: Target, score: Double) {
            self.target = target
            self.score = score
        }

        init(_ headline: Headline, score: Double) {
            self.init(target: Target(headline), score: score)
        }
    }

    let db: Database
    /// Links kept per article and kind.
    let limit: Int

    /// The kinds written here; explicit links are the page's own and never touched.
    static let computedKinds = "('similar', 'sameStory')"

    /// Replaces the computed links of `article` with the first `limit` entries of each list
    /// (lists are best first).
    func replaceComputed(of article: ArticleID, with lists: [RelatedKind: [Entry]]) throws {
        try db.cachedStatement(sql: "DELETE FROM related WHERE articleID = ? AND kind IN \(Self.computedKinds)")
            .execute(arguments: [article.rawValue])
        for (kind, entries) in lists {
            for (position, entry) in entries.prefix(limit).enumerated() {
                try insert(entry, kind: kind, position: position, into: article)
            }
        }
    }

    /// Adds `entry` to the `kind` list of `article` when it ranks among the best `limit`,
    /// dropping the worst link when the list is full and any computed link to the same target
    /// it had before. Nothing changes when the article links to the target explicitly.
    ///
    /// A link whose target was removed (its feed went) stays, unresolved, like any related
    /// link; it counts as the worst of its list, the first to make room.
    ///
    /// - Returns: whether the entry was added.
    func add(_ entry: Entry, kind: RelatedKind, to article: ArticleID) throws -> Bool {
        let target = entry.target.id.rawValue
        var sameKind: [(position: Int, score: Double)] = []
        var lastPosition = -1
        var hasLinkToTarget = false
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT kind, position, targetID, score FROM related WHERE articleID = ?
            """), arguments: [article.rawValue]) {
            let rowKind: String = row[0], position: Int = row[1], rowTarget: Int64? = row[2]
            if rowTarget == target {
                if rowKind == RelatedKind.explicit.rawValue { return false }
                hasLinkToTarget = true
            }
            guard rowKind == kind.rawValue else { continue }
            lastPosition = max(lastPosition, position)
            if rowTarget != target { sameKind.append((position, rowTarget == nil ? -1 : row[3])) }
        }
        var worst: (position: Int, score: Double)?
        if sameKind.count >= limit {
            worst = sameKind.min { $0.score < $1.score }
            guard let worst, entry.score > worst.score else { return false }
        }
        if hasLinkToTarget {
            try db.cachedStatement(sql: """
                DELETE FROM related WHERE articleID = ? AND targetID = ? AND kind IN \(Self.computedKinds)
                """).execute(arguments: [article.rawValue, target])
        }
        if let worst {
            try db.cachedStatement(sql: "DELETE FROM related WHERE articleID = ? AND kind = ? AND position = ?")
                .execute(arguments: [article.rawValue, kind.rawValue, worst.position])
        }
        try insert(entry, kind: kind, position: lastPosition + 1, into: article)
        return true
    }

    private func insert(_ entry: Entry, kind: RelatedKind, position: Int, into article: ArticleID) throws {
        let target = entry.target
        try db.cachedStatement(sql: """
            INSERT INTO related (articleID, kind, position, title, titleKey, url, source, score, targetID)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                article.rawValue, kind.rawValue, position, target.title, target.titleKey,
                target.url, target.source, entry.score, target.id.rawValue,
            ])
    }
}
