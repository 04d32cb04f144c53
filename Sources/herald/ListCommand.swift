import ArgumentParser

/// `herald list` (placeholder until its owner lands it).
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald list is not available yet")
    }
}
