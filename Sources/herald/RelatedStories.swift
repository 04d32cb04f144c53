import NewsIngest
import NewsModel
import NewsStore

/// Ingest's scoring model is what the store's relatedness asks for (neither module depends on
/// the other; the executable introduces them).
extension RelatedScorer: RelatedScoring {}

/// The hook that keeps related stories up to date after articles are stored.
enum RelatedStories {
    /// The scoring model every command uses.
    static let scorer = RelatedScorer()

    /// Computes the related stories of `ids` (articles just stored; `articles` are those
    /// articles, in the same order, when the caller has them: then nothing is read back) and
    /// adds them to the lists of the articles they relate to. Unchanged articles cost one
    /// lookup each.
    ///
    /// A failure loses nothing: the articles stay stored, and the next import or refresh that
    /// touches them computes their related stories again.
    ///
    /// - Returns: a message when it failed, nil when it worked.
    @discardableResult
    static func update(_ store: NewsStore, ids: [ArticleID], articles: [Article]? = nil) -> String? {
        do {
            if let articles, articles.count == ids.count {
                let pending = Set(try store.articlesNeedingRelated(ids))
                let inputs = zip(ids, articles).filter { pending.contains($0.0) }.map { id, article in
                    RelatedInput(id: id, article: article, scoring: scorer)
                }
                try store.updateRelated(inputs, scoring: scorer)
            } else {
                try store.updateRelated(for: ids, scoring: scorer)
            }
            return nil
        } catch {
            return "related stories not updated: \(error)"
        }
    }
}
