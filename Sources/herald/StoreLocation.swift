import Foundation
import NewsIngest
import NewsModel
import NewsStore

/// Where the store lives and how a first run fills it.
enum StoreLocation {
    /// `$XDG_DATA_HOME/herald/herald.db`, falling back to `~/.local/share/herald/herald.db`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return base + "/herald/herald.db"
    }

    /// Opens the store at `path`; a store that does not exist yet is created with the sample library.
    static func open(path: String) throws -> NewsStore {
        let isNew = !FileManager.default.fileExists(atPath: path)
        if isNew {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        let store = try NewsStore.open(path: path)
        if isNew { try SampleLibraryLoader.load(into: store) }
        return store
    }
}

/// Loads the bundled sample pages into a new store, one source per site line, like `herald import`.
enum SampleLibraryLoader {
    static func load(into store: NewsStore) throws {
        var bySite: [String: [Article]] = [:]
        var order: [String] = []
        for article in SampleLibrary.articles() {
            if bySite[article.source] == nil { order.append(article.source) }
            bySite[article.source, default: []].append(article)
        }
        for site in order {
            let feed = try store.upsertFeed(Feed(url: "pages:\(site)", kind: .pages, title: site))
            RelatedStories.update(store, ids: try store.upsertArticles(bySite[site] ?? [], feed: feed).ids)
        }
    }
}
