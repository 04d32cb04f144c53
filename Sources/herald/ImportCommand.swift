import ArgumentParser

/// `herald import` (placeholder until its owner lands it).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald import is not available yet")
    }
}
