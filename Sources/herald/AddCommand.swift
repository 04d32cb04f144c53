import ArgumentParser

/// `herald add` (placeholder until its owner lands it).
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald add is not available yet")
    }
}
