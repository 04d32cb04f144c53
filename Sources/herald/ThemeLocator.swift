import Foundation
import ReaderUI

/// Finds theme files on disk and loads them; the search order is `ThemeSearchPath`'s.
struct ThemeLocator {
    /// The folders searched, in order (the user's, then the shipped one).
    let directories: [String]
    /// The user's theme folder, whether or not it exists.
    let userDirectory: String?

    init(environment: [String: String] = ProcessInfo.processInfo.environment,
         executableDir: String = ThemeLocator.executableDirectory(),
         sourceRoot: String? = ThemeLocator.sourceRoot) {
        let fileManager = FileManager.default
        userDirectory = ThemeSearchPath.userDirectory(environment: environment)
        directories = ThemeSearchPath.directories(
            executableDir: executableDir, environment: environment, sourceRoot: sourceRoot,
            isDirectory: { path in
                var isDirectory: ObjCBool = false
                return fileManager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            },
            isFile: { fileManager.isReadableFile(atPath: $0) })
    }

    /// Every theme name available, `default` first: for `--theme` and cycling with `T`.
    func names() -> [String] {
        let files = directories.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
        return ThemeSearchPath.themeNames(fileNames: files)
    }

    /// Theme `name` from the first folder that has it. A theme that is missing or cannot be
    /// read or parsed gives `Theme.builtinDefault` and a warning saying why (with file and line).
    func load(_ name: String) -> (Theme, warning: String?) {
        let fallback = "using the built-in default theme"
        guard let fileName = ThemeSearchPath.fileName(for: name) else {
            return (.builtinDefault, "\"\(name)\" is not a theme name; \(fallback)")
        }
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent(fileName)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            // The shipped default.toml is the built-in theme (ThemeShippedTests checks it):
            // not parsing it saves ~1 ms of every start-up.
            if name == Theme.builtinDefault.name, directory != userDirectory { return (.builtinDefault, nil) }
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                return (.builtinDefault, "\(path): cannot read the theme (\(error.localizedDescription)); \(fallback)")
            }
            do {
                return (try Theme.parse(toml: text, name: name), nil)
            } catch {
                return (.builtinDefault, "\(path): \(error); \(fallback)")
            }
        }
        if name == Theme.builtinDefault.name { return (.builtinDefault, nil) }
        let searched = directories.isEmpty ? "no theme folder found" : "looked in " + directories.joined(separator: ", ")
        return (.builtinDefault, "theme \"\(name)\" not found (\(searched)); \(fallback)")
    }

    /// How many colours to draw with on a terminal with `terminalColors`: 0 under `NO_COLOR`.
    static func colorCount(terminalColors: Int,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        ColorSupport.colorCount(terminalColors: terminalColors, environment: environment)
    }

    /// The folder of the running executable, symlinks resolved.
    static func executableDirectory() -> String {
        let executable = Bundle.main.executableURL
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    /// The source tree this executable was built from (this file is `Sources/herald/…`).
    static let sourceRoot: String? = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
