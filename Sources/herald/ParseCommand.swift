import ArgumentParser

/// `herald parse` (placeholder until its owner lands it).
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald parse is not available yet")
    }
}
