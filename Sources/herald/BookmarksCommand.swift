import ArgumentParser

/// `herald bookmarks` (placeholder until its owner lands it).
struct BookmarksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bookmarks", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald bookmarks is not available yet")
    }
}
