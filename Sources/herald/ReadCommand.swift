import ArgumentParser
import Foundation
import NewsModel
import NewsStore
import ReaderUI

/// `herald` / `herald read`: the interactive reader.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Open the reader (the default).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The theme to start with (a name from Themes/ or your themes folder).") var theme: String?

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("the reader needs a terminal on standard input and output; for scripts use `herald list`, `herald show` or `herald search`")
        }
        let store = try global.openStore()
        let (config, messages) = ConfigLoader.load()
        let loop = ReaderLoop(store: store, config: config, themeOverride: theme, startupMessages: messages)
        let status = try loop.run()
        if status != 0 { throw ExitCode(status) }
    }
}
