extension Config {
    /// Herald's config directory: `$XDG_CONFIG_HOME/herald`, or `$HOME/.config/herald` when
    /// `XDG_CONFIG_HOME` is unset, empty or relative (the XDG spec ignores relative paths).
    /// `nil` when neither variable helps.
    public static func directory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return joinPath(xdg, "herald")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return joinPath(home, ".config/herald")
        }
        return nil
    }

    /// The config file: `config.toml` in `directory(environment:)`.
    public static func filePath(environment: [String: String]) -> String? {
        directory(environment: environment).map { joinPath($0, "config.toml") }
    }
}

/// `directory/name`, with exactly one slash between them.
func joinPath(_ directory: String, _ name: String) -> String {
    var base = Substring(directory)
    while base.count > 1, base.hasSuffix("/") { base = base.dropLast() }
    return base == "/" ? "/" + name : base + "/" + name
}

/// The directory holding `path`: `/a/b` for `/a/b/c`, `/` for `/a` and `/`, `.` for `a`.
func parentPath(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
}
