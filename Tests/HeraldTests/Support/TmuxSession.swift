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

    /// Runs one tmux command on this server and returns what it printed.
    ///
    /// Uses `posix_spawn` and `waitpid` directly: Foundation's `Process` can miss the exit of a
    /// tmux client whose server it just daemonised, and output goes to a file because that server
    /// would hold a pipe open forever.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The tmux server outlives this call: it must not inherit other tests' pipes, or their
        // readers would never see the end of them. Mark every open descriptor close-on-exec.
        if let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            for name in fds {
                guard let fd = Int32(name), fd > 2 else { continue }
                let flags = fcntl(fd, F_GETFD)
                if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
            }
        }
        let argv = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + args
        let env = ["TERM=xterm-256color", "LANG=C.UTF-8", "PATH=/usr/bin:/bin"]
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        // The calling thread (a Dispatch or test worker) blocks most signals, and a spawned
        // process inherits that mask: a tmux server started with SIGTERM blocked ignores
        // `kill-server` (it signals itself) and lives on with the reader in its pane. Start tmux
        // with nothing blocked and default handlers, as a shell would.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        var code: Int32 = 0
        while waitpid(pid, &code, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
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
    ///
    /// Sleeps with `Task.sleep`, so waiting never holds a thread of the cooperative pool.
    @discardableResult
    func waitFor(timeout: TimeInterval = 10, _ predicate: (String) -> Bool) async -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !predicate(screen) {
            if Date() > deadline { return (false, screen) }
            try? await Task.sleep(nanoseconds: 50_000_000)
            screen = capture()
        }
        return (true, screen)
    }

    func waitFor(_ text: String, timeout: TimeInterval = 10) async -> (ok: Bool, screen: String) {
        await waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen stops changing for `quiet` seconds (or `timeout` passes); returns it.
    ///
    /// For checks that need the result of every key sent so far, not a screen drawn on the way.
    func settled(quiet: TimeInterval = 0.4, timeout: TimeInterval = 5) async -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        var since = Date()
        while Date() < deadline {
            try? await Task.sleep(nanoseconds: 50_000_000)
            let next = capture()
            if next != screen {
                screen = next
                since = Date()
            } else if Date().timeIntervalSince(since) >= quiet {
                break
            }
        }
        return screen
    }

    /// Kills this test's own tmux server (never any other).
    func kill() {
        guard isRunning else { return }
        isRunning = false
        _ = try? tmux(["kill-server"])
    }
}
