import ArgumentParser

/// `herald show` (placeholder until its owner lands it).
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald show is not available yet")
    }
}
