import ArgumentParser
import NewsModel

/// Herald: a terminal news reader.
@main
struct Herald: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "A terminal news reader.",
        version: "0.1.0",
        subcommands: [ParseCommand.self])
}
