import ArgumentParser
import Foundation
import NewsModel
import NewsStore

/// `herald search QUERY`: full-text search, ranked.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search titles, summaries, bodies and highlights.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Words to find (all of them must match).") var query: [String]
    @Option(help: "At most this many results.") var limit = 20
    @Option(help: "Skip this many results first.") var offset = 0
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let store = try global.openStore()
        let hits = try store.search(query.joined(separator: " "), offset: offset, limit: limit)
        if json {
            try Output.printJSON(hits.map(JSONOutput.SearchRow.init))
            return
        }
        for hit in hits {
            print("\(hit.headline.id.rawValue)\t\(Output.styled(Output.line(hit.headline.title), "1")) — \(Output.line(hit.headline.source))")
            print("\t" + Output.line(hit.snippet))
        }
        if hits.isEmpty, !json { Output.error("no results") }
    }
}
