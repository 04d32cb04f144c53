/// Settings from the configuration file.
extension AppState {
    /// Applies the user's settings: key bindings, theme (when it is one of `themeNames`) and
    /// pane widths. Returns the bindings that could not be used, in words, for the user.
    public mutating func apply(_ config: Config) -> [String] {
        let (keymap, errors) = Keymap.default.applying(config.bindings)
        self.keymap = keymap
        if let theme = config.theme, themeNames.contains(theme) { themeName = theme }
        headlinesWidth = config.headlinesWidth
        sidebarWidth = config.sidebarWidth
        return errors
    }
}
