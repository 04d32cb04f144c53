/// Where theme files are looked for, as pure functions of paths and the environment (the
/// executable's `ThemeLocator` does the file-system part).
///
/// Order: the user's themes (`$XDG_CONFIG_HOME/herald/themes`, else
/// `~/.config/herald/themes`), then Herald's shipped `Themes/` folder, found
/// (a) beside the executable (`<bindir>/Themes`, `<bindir>/../share/herald/Themes`),
/// (b) in a folder above the executable (covers `swift run`, whose binary is in `.build/debug`),
/// (c) in the source tree Herald was built from.
public enum ThemeSearchPath {
    /// The user's theme folder, or `nil` when there is no home to put it in.
    public static func userDirectory(environment: [String: String]) -> String? {
        Config.directory(environment: environment).map { joinPath($0, "themes") }
    }

    /// Every folder that may hold themes, in search order, without duplicates: the user's
    /// folder first, then the places the shipped `Themes/` folder may be.
    public static func candidates(executableDir: String, environment: [String: String],
                                  sourceRoot: String?) -> [String] {
        var result: [String] = []
        func add(_ path: String) { if !result.contains(path) { result.append(path) } }
        if let user = userDirectory(environment: environment) { add(user) }
        add(joinPath(executableDir, "Themes"))
        add(joinPath(parentPath(executableDir), "share/herald/Themes"))
        var directory = executableDir
        while true {
            let parent = parentPath(directory)
            if parent == directory { break }
            directory = parent
            add(joinPath(directory, "Themes"))
        }
        if let sourceRoot { add(joinPath(sourceRoot, "Themes")) }
        return result
    }

    /// The folders to search: the user's folder when it exists, then the first shipped
    /// candidate that holds `default.toml`. `isFile` tells whether a path is a readable file,
    /// `isDirectory` whether it is a folder.
    public static func directories(executableDir: String, environment: [String: String], sourceRoot: String?,
                                   isDirectory: (String) -> Bool, isFile: (String) -> Bool) -> [String] {
        let all = candidates(executableDir: executableDir, environment: environment, sourceRoot: sourceRoot)
        let user = userDirectory(environment: environment)
        var result: [String] = []
        if let user, isDirectory(user) { result.append(user) }
        if let shipped = all.first(where: { $0 != user && isFile(joinPath($0, "default.toml")) }) {
            result.append(shipped)
        }
        return result
    }

    /// The file name of theme `name`, or `nil` when `name` cannot be a theme's name.
    public static func fileName(for name: String) -> String? {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { return nil }
        return name + ".toml"
    }

    /// Theme names from the file names in the theme folders: every `*.toml`, without the
    /// extension, once each; `default` (always available, it is built in) first, then A–Z.
    public static func themeNames(fileNames: [String]) -> [String] {
        var names: Set<String> = ["default"]
        for file in fileNames where file.hasSuffix(".toml") && !file.hasPrefix(".") {
            names.insert(String(file.dropLast(5)))
        }
        names.remove("default")
        return ["default"] + names.sorted()
    }
}
