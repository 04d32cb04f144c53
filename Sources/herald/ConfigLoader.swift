import Foundation
import ReaderUI

/// Reads the user's `config.toml` (see `Config` for the format).
enum ConfigLoader {
    /// The config at `$XDG_CONFIG_HOME/herald/config.toml` (or `~/.config/herald/…`).
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (Config, messages: [String])
    {
        guard let path = Config.filePath(environment: environment) else { return (.default, []) }
        return load(path: path)
    }

    /// The config at `path`, and messages for the user, each naming the file (and line).
    /// A missing file is the default config; a file that cannot be read or parsed gives the
    /// default config and says why, so Herald still starts.
    static func load(path: String) -> (Config, messages: [String]) {
        guard FileManager.default.fileExists(atPath: path) else { return (.default, []) }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return (.default, ["\(path): cannot read the config (\(error.localizedDescription)); using default settings"])
        }
        do {
            let config = try Config.parse(toml: text)
            return (config, config.warnings.map { "\(path): \($0)" })
        } catch {
            return (.default, ["\(path): \(error); using default settings"])
        }
    }
}
