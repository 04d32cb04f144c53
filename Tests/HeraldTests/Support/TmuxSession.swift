import Foundation

/// A tmux server of the test's own (`tmux -L herald-test-<uuid>`) running one command.
final class TmuxSession {
    let socket = "herald-test-\(UUID().uuidString.prefix(8))"
    private(set) var isRunning = false

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    }

    /// Starts `command` (argv, no shell) in a detached session of `width` x `height`.
    init(command: [String], width: Int, height: Int, environment: [String: String]) throws {
        var args = ["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height)]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args += command
        try tmux(args)
        isRunning = true
        // Keep the pane after the program exits so its last screen can be read.
        _ = try? tmux(["set-option", "-t", "t", "remain-on-exit", "on"])
    }

    deinit { kill() }

    /// Runs one tmux command on this server.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        p.arguments = ["-L", socket, "-f", "/dev/null"] + args
        p.environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The visible screen as text.
    func capture() -> String {
        (try? tmux(["capture-pane", "-p", "-t", "t"])) ?? ""
    }

    /// Sends keys in tmux's key names ("j", "Enter", "BSpace", "C-c").
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "t"] + keys)
    }

    /// Sends literal text.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "t", "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// True once the pane's program has exited.
    var programExited: Bool {
        ((try? tmux(["display-message", "-p", "-t", "t", "#{pane_dead}"])) ?? "").hasPrefix("1")
    }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen.
    @discardableResult
    func waitFor(timeout: TimeInterval = 10, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !predicate(screen) {
            if Date() > deadline { return (false, screen) }
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture()
        }
        return (true, screen)
    }

    func waitFor(_ text: String, timeout: TimeInterval = 10) -> (ok: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Kills this test's own tmux server (never any other).
    func kill() {
        guard isRunning else { return }
        isRunning = false
        _ = try? tmux(["kill-server"])
    }
}
