import ArgumentParser

/// Herald: a terminal news reader. With no subcommand it opens the reader.
@main
struct Herald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "A terminal news reader: feeds, text pages, related stories and highlights.",
        version: heraldVersion,
        subcommands: [
            ReadCommand.self,
            ImportCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self,
            AddCommand.self, RemoveCommand.self, FeedsCommand.self, RefreshCommand.self,
            ExportCommand.self, BookmarksCommand.self, ParseCommand.self, OpenCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: ReadCommand.self)
}

/// The version `herald --version` prints.
let heraldVersion = "0.1.0"
