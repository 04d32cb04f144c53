import Testing
@testable import ReaderUI

@Suite struct ThemeSearchPathTests {
    @Test func userThemesComeFirstThenBesideThenAboveTheExecutableThenTheSourceTree() {
        let candidates = ThemeSearchPath.candidates(
            executableDir: "/home/ann/herald/.build/debug",
            environment: ["XDG_CONFIG_HOME": "/home/ann/.cfg", "HOME": "/home/ann"],
            sourceRoot: "/src/herald")
        #expect(candidates == [
            "/home/ann/.cfg/herald/themes",
            "/home/ann/herald/.build/debug/Themes",
            "/home/ann/herald/.build/share/herald/Themes",
            "/home/ann/herald/.build/Themes",
            "/home/ann/herald/Themes",
            "/home/ann/Themes",
            "/home/Themes",
            "/Themes",
            "/src/herald/Themes",
        ])
    }

    @Test func withoutXDGConfigHomeTheUserFolderIsInDotConfig() {
        let candidates = ThemeSearchPath.candidates(
            executableDir: "/usr/local/bin", environment: ["HOME": "/home/bo/"], sourceRoot: nil)
        #expect(candidates == [
            "/home/bo/.config/herald/themes",
            "/usr/local/bin/Themes",
            "/usr/local/share/herald/Themes",
            "/usr/local/Themes",
            "/usr/Themes",
            "/Themes",
        ])
    }

    @Test func aRelativeOrEmptyXDGConfigHomeIsIgnored() {
        for xdg in ["", "relative/cfg"] {
            #expect(ThemeSearchPath.userDirectory(environment: ["XDG_CONFIG_HOME": xdg, "HOME": "/h"])
                    == "/h/.config/herald/themes")
        }
        #expect(ThemeSearchPath.userDirectory(environment: [:]) == nil)
        #expect(ThemeSearchPath.candidates(executableDir: "/", environment: [:], sourceRoot: "/") == ["/Themes", "/share/herald/Themes"])
    }

    @Test func searchesTheUserFolderAndTheFirstShippedFolderWithADefaultTheme() {
        let files: Set<String> = [
            "/repo/Themes/default.toml",          // found by walking up from .build/debug
            "/src/Themes/default.toml",           // the source tree: not needed, already found
            "/repo/.build/debug/Themes/x.toml",   // no default.toml here: not the shipped folder
        ]
        let env = ["HOME": "/home/cy"]
        func directories(userExists: Bool) -> [String] {
            ThemeSearchPath.directories(
                executableDir: "/repo/.build/debug", environment: env, sourceRoot: "/src",
                isDirectory: { userExists && $0 == "/home/cy/.config/herald/themes" },
                isFile: { files.contains($0) })
        }
        #expect(directories(userExists: true) == ["/home/cy/.config/herald/themes", "/repo/Themes"])
        #expect(directories(userExists: false) == ["/repo/Themes"])
    }

    @Test func themeNamesAreTheTomlFilesWithDefaultFirst() {
        let names = ThemeSearchPath.themeNames(fileNames: [
            "gruvbox.toml", "mono.toml", "README.md", "default.toml", "gruvbox.toml", ".hidden.toml", "zen.toml",
        ])
        #expect(names == ["default", "gruvbox", "mono", "zen"])
        #expect(ThemeSearchPath.themeNames(fileNames: []) == ["default"])
    }

    @Test func onlyPlainNamesAreThemeNames() {
        #expect(ThemeSearchPath.fileName(for: "gruvbox") == "gruvbox.toml")
        #expect(ThemeSearchPath.fileName(for: "../etc/passwd") == nil)
        #expect(ThemeSearchPath.fileName(for: ".hidden") == nil)
        #expect(ThemeSearchPath.fileName(for: "") == nil)
    }
}
