import Foundation

/// A temporary home and store for the real reader in tmux. The reader runs under `sh`, which
/// records `stty -a` before and after it, prints `exit=<status>` and `HERALD-EXITED`, then waits
/// so the last screen can still be read.
struct ReaderFixture {
    let home: URL
    var store: String { home.appendingPathComponent("herald.db").path }
    var stty: String { home.appendingPathComponent("stty").path }

    init() throws { home = try HeraldBinary.temporaryDirectory() }

    /// Starts `herald --store STORE` at `width` x `height`, after the shell assignments in
    /// `environment` and with the shell redirection `redirect`.
    func start(width: Int = 120, height: Int = 40, environment extra: String = "", redirect: String = "") throws -> TmuxSession {
        let script = "stty -a > \"$STTY.before\"; \(extra) \"$HERALD\" --store \"$STORE\" \(redirect); "
            + "echo \"exit=$?\"; stty -a > \"$STTY.after\"; echo HERALD-EXITED; sleep 60"
        let environment = ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
                           "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                           "TERM": "xterm-256color", "LANG": "C.UTF-8", "HERALD": HeraldBinary.path,
                           "STORE": store, "STTY": stty]
        return try TmuxSession(command: ["/bin/sh", "-c", script], width: width, height: height, environment: environment)
    }

    /// True when the tty modes after the reader are those before it.
    func ttyRestored() throws -> Bool {
        try String(contentsOfFile: stty + ".before", encoding: .utf8)
            == String(contentsOfFile: stty + ".after", encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: home) }
}
