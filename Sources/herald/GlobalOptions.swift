import ArgumentParser
import Foundation
import NewsStore

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", valueName: "path"))
    var store: String?

    /// The store path: `--store`, else `$XDG_DATA_HOME/herald/herald.db`, else `~/.local/share/herald/herald.db`.
    var storePath: String { store ?? StoreLocation.defaultPath() }

    /// Opens the store, creating the sample library when the store does not exist yet.
    func openStore() throws -> NewsStore {
        try StoreLocation.open(path: storePath)
    }
}
