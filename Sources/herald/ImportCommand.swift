import ArgumentParser
import Foundation

/// `herald import PATH... [--newsboat [--cache FILE]]`: bring in text pages, OPML lists or a
/// newsboat setup.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import text pages, OPML subscription lists, or newsboat's urls file and cache.",
        discussion: """
        Each PATH is read by what it is:
          - a .opml or .xml file whose root is <opml>: its feeds are subscribed (folders and \
        categories become tags; titles are kept);
          - any other file, or a folder (searched for .txt files): plain-text news pages, one \
        source per site line. Each file is reported as added, updated or unchanged; a file that \
        is not a news page is named with the reason and the others are still imported.
        With --newsboat, PATH is newsboat's urls file (tags, "~titles" and "!hidden" tags are \
        kept; query:, exec: and filter: lines are skipped: Herald never runs commands). With \
        --cache, newsboat's cache.db also gives each feed's articles with their read and \
        flagged (starred) state.

        Exit status: 1 only when nothing could be imported and some input was bad.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "path"))
    var paths: [String]

    @Flag(name: .long, help: "PATH is a newsboat urls file.")
    var newsboat = false

    @Option(name: .long, help: ArgumentHelp("Newsboat's cache.db, for articles and their read/flag state.",
                                            valueName: "file"))
    var cache: String?

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one file or folder to import") }
        if cache != nil, !newsboat { throw ValidationError("--cache goes with --newsboat") }
        if newsboat, paths.count != 1 { throw ValidationError("--newsboat takes one urls file") }
    }

    func run() async throws {
        let store = try global.openStore()
        let console = FeedConsole()
        var outcome = ImportOutcome()
        if newsboat {
            outcome = ImportNewsboat(store: store, console: console).run(urlsPath: paths[0], cachePath: cache)
        } else {
            var pagePaths: [String] = []
            for path in paths {
                if ImportOPML.looksLikeOPML(path) {
                    outcome.merge(ImportOPML(store: store, console: console).run(path: path))
                } else {
                    pagePaths.append(path)
                }
            }
            if !pagePaths.isEmpty {
                outcome.merge(ImportPages(store: store, console: console).run(paths: pagePaths))
            }
        }
        if outcome.imported == 0, outcome.errors > 0 { throw ExitCode(1) }
    }
}

/// What an import did, for the exit status.
struct ImportOutcome {
    /// Items (feeds or pages) written or found unchanged.
    var imported = 0
    /// Inputs that could not be imported (files, lines, feeds).
    var errors = 0

    mutating func merge(_ other: ImportOutcome) {
        imported += other.imported
        errors += other.errors
    }
}
