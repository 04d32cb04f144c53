import ArgumentParser
import Foundation
import NewsModel
import NewsStore

/// `herald show ID`: one whole article.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one article: body, highlights and related stories.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The article id (from `herald list` or `herald search`).") var id: Int64
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let store = try global.openStore()
        guard let article = try store.article(id: ArticleID(id)) else {
            throw ValidationError("no article with id \(id)")
        }
        if json {
            try Output.printJSON(JSONOutput.ArticleDocument(article))
        } else {
            print(PlainArticle.render(article), terminator: "")
        }
    }
}

/// An article as plain text for a pipe or a terminal.
enum PlainArticle {
    static func render(_ a: Article) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        line(Output.styled(Output.line(a.title), "1"))
        var meta = [Output.line(a.source)]
        if let d = a.date { meta.append(ISO8601DateFormatter().string(from: d)) }
        if let author = a.author { meta.append(Output.line(author)) }
        line(meta.joined(separator: " · "))
        if let url = a.url { line(Output.line(url)) }
        line()
        if let summary = a.summary { line(Output.line(summary)); line() }
        var links: [String] = []
        for block in a.body {
            var text = TextSanitizer.clean(block.plainText)
            for span in block.links {
                if let url = span.link {
                    links.append(url)
                    text = text.replacingOccurrences(of: span.text, with: "\(span.text)[\(links.count)]")
                }
            }
            switch block {
            case .heading: line(Output.styled(text, "1"))
            case .quote(_, let attribution):
                line("  “" + text + "”")
                if let attribution { line("    — " + Output.line(attribution)) }
            case .listItem(_, let depth, let number):
                line(String(repeating: "  ", count: depth) + (number.map { "\($0). " } ?? "• ") + text)
            case .rule: line("―――")
            case .image(let alt, _): line("[image: \(alt)]")
            default: line(text)
            }
            line()
        }
        let highlights = a.highlights
        if !highlights.isEmpty {
            line(Output.styled("Highlights", "1"))
            for h in highlights {
                let who = h.attribution.map { " — " + Output.line($0) } ?? ""
                line("  [\(h.kind.rawValue)] " + Output.line(h.text) + who)
            }
            line()
        }
        if !a.related.isEmpty {
            line(Output.styled("Related", "1"))
            for r in a.related {
                let target = r.articleID.map { "#\($0.rawValue)" } ?? "(not in store)"
                line("  \(Output.line(r.title)) \(target)")
            }
            line()
        }
        if !links.isEmpty {
            line(Output.styled("Links", "1"))
            for (i, url) in links.enumerated() { line("  [\(i + 1)] " + Output.line(url)) }
        }
        return out
    }
}
