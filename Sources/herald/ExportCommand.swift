import ArgumentParser
import Foundation
import NewsIngest

/// `herald export --opml [--output FILE]`: write the subscriptions as OPML 2.0.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export subscriptions as OPML 2.0 (tags become folders and categories).",
        discussion: "Text-page sources have no feed URL and are not exported.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Write OPML 2.0 (the only format so far).")
    var opml = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard opml else { throw ValidationError("choose a format: --opml") }
    }

    func run() async throws {
        let store = try global.openStore()
        let feeds = try store.feeds().map(\.feed)
        let document = OPML.export(feeds, dateCreated: Date())
        if let output {
            do {
                try Data(document.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw ValidationError("cannot write \(output): \(error.localizedDescription)")
            }
            let count = feeds.filter { $0.kind == .web }.count
            FeedConsole().warn("exported \(count) feed\(count == 1 ? "" : "s") to \(output)")
        } else {
            FeedConsole().write(document)
        }
    }
}
