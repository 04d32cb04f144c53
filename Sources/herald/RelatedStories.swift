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

    /// What relatedness needs of each of `articles` (term weights, body links): pure work, for
    /// the parallel part of a refresh. The ids are placeholders until `update(_:ids:inputs:)`.
    static func inputs(of articles: [Article]) -> [RelatedInput] {
        articles.map { RelatedInput(id: ArticleID(0), article: $0, scoring: scorer) }
    }

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
        if let articles, articles.count == ids.count {
            return update(store, ids: ids, inputs: inputs(of: articles))
        }
        do {
            try store.updateRelated(for: ids, scoring: scorer)
            return nil
        } catch {
            return "related stories not updated: \(error)"
        }
    }

    /// `update(_:ids:articles:)` with the inputs computed beforehand (`inputs(of:)`, in the
    /// order of `ids`): only the articles new or changed since their last computation are
    /// computed, and nothing is read back or decoded.
    @discardableResult
    static func update(_ store: NewsStore, ids: [ArticleID], inputs: [RelatedInput]) -> String? {
        do {
            try store.updateRelated(for: ids, inputs: inputs, scoring: scorer)
            return nil
        } catch {
            return "related stories not updated: \(error)"
        }
    }
}
