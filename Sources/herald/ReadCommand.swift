import ArgumentParser

/// `herald read` (placeholder until its owner lands it).
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Open the reader (the default).")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald read is not available yet")
    }
}
