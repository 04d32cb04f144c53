import ArgumentParser
import Foundation
import NewsModel
import NewsStore

/// `herald bookmarks`: list, export and import bookmarked highlights.
struct BookmarksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks", abstract: "List, export and import bookmarked highlights.",
        subcommands: [BookmarksList.self, BookmarksExport.self, BookmarksImport.self],
        defaultSubcommand: BookmarksList.self)
}

/// `herald bookmarks [list]`: bookmarks, newest first.
struct BookmarksList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List bookmarks, newest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only bookmarks whose quote, note or article title contains this text.") var grep: String?
    @Option(help: "Only bookmarks with this tag.") var tag: String?
    @Flag(help: "Print JSON (the export format).") var json = false

    func run() async throws {
        let store = try global.openStore()
        let entries = try store.bookmarks(matching: grep, tag: tag)
        if json {
            try Output.printJSON(BookmarkExport.document(entries))
            return
        }
        for e in entries {
            let b = e.bookmark
            let id = b.id.map { String($0.rawValue) } ?? "-"
            print("\(id)\t\(Output.styled("“" + Output.line(b.text) + "”", "1"))")
            if let who = b.attribution { print("\t— \(Output.line(who))") }
            print("\t\(Output.line(e.articleTitle)) · \(Output.line(e.source)) · article \(b.articleID.rawValue)")
            if let note = b.note { print("\tnote: \(Output.line(note))") }
            if !b.tags.isEmpty { print("\ttags: \(b.tags.map(Output.line).joined(separator: ", "))") }
            if b.isOrphaned { print("\t(the passage is no longer in the article)") }
        }
    }
}

/// `herald bookmarks export`: Markdown for a notes app, or JSON that `bookmarks import` reads back.
struct BookmarksExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export bookmarks grouped by article.")
    enum Format: String, ExpressibleByArgument { case markdown, json }
    @OptionGroup var global: GlobalOptions
    @Option(help: "markdown or json.") var format: Format = .markdown
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let store = try global.openStore()
        let entries = try store.bookmarks(matching: nil, tag: nil)
        let data: Data
        switch format {
        case .markdown: data = Data(BookmarkExport.markdown(entries).utf8)
        case .json: data = try Output.jsonEncoder().encode(BookmarkExport.document(entries)) + Data("\n".utf8)
        }
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            print("wrote \(entries.count) bookmarks to \(output)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

/// `herald bookmarks import FILE`: reads a JSON export back; existing bookmarks are not duplicated.
struct BookmarksImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import bookmarks from a JSON export.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A file written by `herald bookmarks export --format json`.") var file: String

    func run() async throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        let document: BookmarkExport.Document
        do { document = try BookmarkExport.decoder().decode(BookmarkExport.Document.self, from: data) } catch {
            throw ValidationError("\(file) is not a Herald bookmarks export: \(error)")
        }
        let store = try global.openStore()
        let result = try BookmarkExport.importDocument(document, into: store)
        print("imported \(result.added) bookmarks, \(result.skipped) already present")
    }
}
