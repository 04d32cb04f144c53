import ArgumentParser

/// `herald feeds` (placeholder until its owner lands it).
struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feeds", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald feeds is not available yet")
    }
}
