import ArgumentParser

/// `herald refresh` (placeholder until its owner lands it).
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "refresh", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald refresh is not available yet")
    }
}
