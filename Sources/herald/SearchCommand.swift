import ArgumentParser

/// `herald search` (placeholder until its owner lands it).
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald search is not available yet")
    }
}
