import Foundation
import NewsIngest
import NewsModel
import NewsStore

/// Imports plain-text news pages: files and folders of `.txt` files, one source per site line.
struct ImportPages {
    let store: NewsStore
    let console: FeedConsole

    /// Imports every page under `paths`, printing one line per file and a summary.
    func run(paths: [String]) -> ImportOutcome {
        var outcome = ImportOutcome()
        var counts = (added: 0, updated: 0, unchanged: 0)
        /// Feed id per site, so each site's feed is looked up once.
        var feedIDs: [String: FeedID] = [:]
        for file in files(in: paths, outcome: &outcome) {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                report(error: "\(file): cannot read (\(error.localizedDescription))", outcome: &outcome)
                continue
            }
            let article: Article
            do {
                article = try TextPageParser.parse(data, name: file)
            } catch {
                report(error: error.description, outcome: &outcome)
                continue
            }
            do {
                let site = article.source
                let feedID: FeedID
                if let known = feedIDs[site] {
                    feedID = known
                } else {
                    let url = "pages:\(site)"
                    feedID = try store.feed(url: url)?.id
                        ?? store.upsertFeed(Feed(url: url, kind: .pages, title: site))
                    feedIDs[site] = feedID
                }
                // One page per transaction so each file's line says what happened to it.
                let summary = try store.upsertArticles([article], feed: feedID)
                if let problem = RelatedStories.update(store, ids: summary.ids, articles: [article]) { console.warn("\(file): \(problem)") }
                let status: String
                if summary.added > 0 {
                    status = "added"; counts.added += 1
                } else if summary.updated > 0 {
                    status = "updated"; counts.updated += 1
                } else {
                    status = "unchanged"; counts.unchanged += 1
                }
                outcome.imported += 1
                console.write("\(status): \(file) (\(site))\n")
            } catch {
                report(error: "\(file): could not be stored (\(error))", outcome: &outcome)
            }
        }
        let pages = outcome.imported == 1 ? "1 page" : "\(outcome.imported) pages"
        var line = "\(pages): \(counts.added) added, \(counts.updated) updated, \(counts.unchanged) unchanged"
        if outcome.errors > 0 { line += "; \(outcome.errors) file\(outcome.errors == 1 ? "" : "s") not imported" }
        console.write(line + "\n")
        return outcome
    }

    /// The files to read, in order: files as given, folders searched (recursively) for `.txt`.
    private func files(in paths: [String], outcome: inout ImportOutcome) -> [String] {
        var result: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                report(error: "\(path): no such file or folder", outcome: &outcome)
                continue
            }
            guard isFolder.boolValue else {
                result.append(path)
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                report(error: "\(path): cannot list the folder", outcome: &outcome)
                continue
            }
            let found = walker.compactMap { $0 as? String }
                .filter { $0.lowercased().hasSuffix(".txt") }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            if found.isEmpty { console.warn("\(path): no .txt files in this folder") }
            result += found
        }
        return result
    }

    private func report(error message: String, outcome: inout ImportOutcome) {
        outcome.errors += 1
        console.warn("error: \(message)")
    }
}
