import ArgumentParser

/// `herald export` (placeholder until its owner lands it).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Not available yet.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("herald export is not available yet")
    }
}
