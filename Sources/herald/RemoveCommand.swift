import ArgumentParser

/// `herald remove` (placeholder until its owner lands it).
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald remove is not available yet")
    }
}
