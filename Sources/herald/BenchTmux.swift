import Foundation

/// A program running in a private tmux server, watched through a control-mode client.
///
/// The server runs on its own socket (`tmux -L herald-bench-<random>`) with one W×H pane and
/// no status line; `close()` kills that server and nothing else. A control-mode client
/// (`tmux -C attach`) carries commands and replies over pipes without spawning a process per
/// poll, and reports every `%output` of the pane with the time it arrived: the time a screen
/// was drawn is the time of the last output before the capture that first shows it.
final class TmuxSession: @unchecked Sendable {
    /// The tmux socket name.
    let socket: String
    /// Pane width and height, in cells.
    let width: Int
    let height: Int

    private let client: ChildProcess
    private let commands: FileHandle
    private let scratch: URL
    private let events = ControlEvents()
    private var isClosed = false

    /// The pane every command targets.
    private let pane = "bench:0.0"

    /// Starts a server with an idle pane of `width` × `height` and attaches a control client.
    init(width: Int = 120, height: Int = 40, scratch: URL) throws {
        guard whichProgram("tmux") != nil else { throw BenchError("tmux is not installed") }
        self.socket = "herald-bench-" + UUID().uuidString.prefix(12).lowercased()
        self.width = width
        self.height = height
        self.scratch = scratch
        let setup = [
            ["new-session", "-d", "-s", "bench", "-x", "\(width)", "-y", "\(height)", "sleep 1000000"],
            ["set-option", "-g", "status", "off"],
            ["set-option", "-g", "remain-on-exit", "on"],
            ["set-option", "-g", "window-size", "manual"],
            ["set-option", "-g", "history-limit", "0"],
        ]
        for arguments in setup {
            let run = try ChildProcess.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, scratch: scratch)
            guard run.exit.status == 0 else {
                _ = try? ChildProcess.run(["tmux", "-L", socket, "kill-server"], scratch: scratch)
                throw BenchError("tmux \(arguments[0]) failed: \(run.stderr)")
            }
        }
        var toClient: [Int32] = [0, 0], fromClient: [Int32] = [0, 0]
        guard pipe(&toClient) == 0, pipe(&fromClient) == 0 else { throw BenchError("pipe failed") }
        for fd in toClient + fromClient { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        client = try ChildProcess.spawn(["tmux", "-L", socket, "-C", "attach-session", "-t", "bench"],
                                        stdin: .descriptor(toClient[0]), stdout: .descriptor(fromClient[1]))
        Glibc.close(toClient[0])
        Glibc.close(fromClient[1])
        commands = FileHandle(fileDescriptor: toClient[1], closeOnDealloc: true)
        let events = self.events
        let input = FileHandle(fileDescriptor: fromClient[0], closeOnDealloc: true)
        Thread.detachNewThread { events.read(from: input) }
    }

    deinit { close() }

    /// Kills this session's tmux server (only it) and reaps the control client.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        try? commands.close()  // the client detaches at the end of its input
        _ = try? ChildProcess.run(["tmux", "-L", socket, "kill-server"], scratch: scratch)
        _ = client.wait()
        // tmux leaves the socket file behind; it is ours alone.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(folder)/tmux-\(getuid())/\(socket)")
    }

    // MARK: Commands

    /// Sends one tmux command and returns the lines of its reply.
    @discardableResult
    func command(_ line: String, timeout: Double = 10) throws -> [String] {
        try commands.write(contentsOf: Data((line + "\n").utf8))
        guard let reply = events.nextReply(timeout: timeout) else {
            throw BenchError("tmux did not answer \(line.prefix(40))")
        }
        if reply.failed { throw BenchError("tmux \(line.prefix(40)): \(reply.lines.joined(separator: " "))") }
        return reply.lines
    }

    /// Replaces the pane's program with `argv` (run through `exec`, so the pane's pid is the
    /// program's) and returns the time the command was sent.
    @discardableResult
    func launch(_ argv: [String], environment: [String: String] = [:]) throws -> Double {
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let shell = (["exec", "env"] + assignments + argv).map(Self.shellQuote).joined(separator: " ")
        guard !shell.contains("'") else { throw BenchError("cannot pass a quote through tmux: \(shell)") }
        events.resetOutputs()
        let sent = BenchClock.now()
        try command("respawn-pane -k -t \(pane) '\(shell)'")
        return sent
    }

    /// Sends keys by tmux name ("Enter", "Escape", "BTab", "j") and returns the time they were sent.
    @discardableResult
    func sendKeys(_ keys: String...) throws -> Double {
        events.resetOutputs()
        let sent = BenchClock.now()
        try command("send-keys -t \(pane) " + keys.joined(separator: " "))
        return sent
    }

    /// Types `text` literally and returns the time it was sent.
    @discardableResult
    func type(_ text: String) throws -> Double {
        guard !text.contains("'") else { throw BenchError("cannot type a quote through tmux") }
        events.resetOutputs()
        let sent = BenchClock.now()
        try command("send-keys -t \(pane) -l '\(text)'")
        return sent
    }

    /// The pane's text, one string per row.
    func capture() throws -> String {
        try command("capture-pane -p -t \(pane)").joined(separator: "\n")
    }

    /// The pid of the pane's program.
    func panePID() throws -> pid_t {
        guard let line = try command("display-message -p -t \(pane) '#{pane_pid}'").first,
              let pid = pid_t(line.trimmingCharacters(in: .whitespaces)) else {
            throw BenchError("tmux did not say the pane's pid")
        }
        return pid
    }

    /// The exit status of the pane's program when it has exited, nil while it runs.
    func exitStatus() throws -> Int? {
        let line = try command("display-message -p -t \(pane) '#{pane_dead} #{pane_dead_status}'").first ?? ""
        let fields = line.split(separator: " ")
        guard fields.first == "1" else { return nil }
        return fields.count > 1 ? Int(fields[1]) : -1
    }

    // MARK: Waiting

    /// Waits until the pane shows every string of `expected` and none of `absent`.
    ///
    /// - Returns: when the screen was complete (the last output before the capture that showed
    ///   it, or the capture itself when nothing was drawn since `since`), and the screen.
    func waitForScreen(containing expected: [String], absent: [String] = [], since: Double,
                       timeout: Double = 30) throws -> (time: Double, screen: String) {
        let deadline = BenchClock.now() + timeout
        var screen = ""
        while true {
            let asked = BenchClock.now()
            screen = try capture()
            let (outputs, lastOutput) = events.outputs()
            if expected.allSatisfy(screen.contains), !absent.contains(where: screen.contains) {
                let drawn = outputs > 0 && lastOutput >= since ? lastOutput : asked
                return (drawn, screen)
            }
            if BenchClock.now() > deadline { break }
            if !events.waitForOutput(after: outputs, timeout: 0.02), let status = try exitStatus() {
                throw BenchError("the program exited (status \(status)) before the expected screen "
                                 + "(waiting for \(expected)); it shows:\n\(Self.trimmed(screen))")
            }
        }
        throw BenchError("timed out after \(Int(timeout)) s waiting for \(expected) (absent: \(absent)); "
                         + "the pane shows:\n\(Self.trimmed(screen))")
    }

    /// The time of the first output after the last `launch`, `sendKeys` or `type`; nil on timeout.
    func firstOutput(timeout: Double = 5) -> Double? {
        events.firstOutput(timeout: timeout)
    }

    /// Waits until the pane has drawn nothing for `quiet` seconds.
    func waitForQuiet(_ quiet: Double = 0.15, timeout: Double = 10) {
        let deadline = BenchClock.now() + timeout
        while BenchClock.now() < deadline {
            let (count, _) = events.outputs()
            if !events.waitForOutput(after: count, timeout: quiet) { return }
        }
    }

    // MARK: Helpers

    /// A word for `sh`: bare when safe, else in double quotes.
    static func shellQuote(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
        if safe && !word.isEmpty { return word }
        var quoted = "\""
        for character in word {
            if "\"\\$`".contains(character) { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// The screen without trailing blank rows, for error messages.
    static func trimmed(_ screen: String) -> String {
        var rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows.joined(separator: "\n")
    }
}

/// What the control client's reader thread has seen: replies to our commands and pane output.
/// Every field is guarded by `condition`.
private final class ControlEvents: @unchecked Sendable {
    struct Reply {
        var lines: [String]
        var failed: Bool
    }

    private let condition = NSCondition()
    private var replies: [Reply] = []
    /// Lines of the reply being read, and whether it answers one of our commands (flags 1).
    private var partial: [String]?
    private var partialIsOurs = false
    /// `%output` notifications seen since the last reset, and the time of the latest, in seconds.
    private var outputCount = 0
    private var lastOutput = 0.0
    private var firstOutputTime: Double?
    private var isClosed = false

    /// Reads the client's output until it ends (runs on its own thread).
    func read(from input: FileHandle) {
        var buffer = Data()
        while true {
            let chunk = input.availableData
            if chunk.isEmpty { break }
            let now = BenchClock.now()
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                handle(line: line, at: now)
            }
        }
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    private func handle(line: String, at time: Double) {
        condition.lock()
        defer { condition.unlock() }
        if partial != nil {
            if line.hasPrefix("%end ") || line.hasPrefix("%error ") {
                if partialIsOurs { replies.append(Reply(lines: partial ?? [], failed: line.hasPrefix("%error"))) }
                partial = nil
                condition.broadcast()
            } else {
                partial?.append(line)
            }
            return
        }
        if line.hasPrefix("%begin ") {
            partial = []
            partialIsOurs = line.split(separator: " ").last == "1"
        } else if line.hasPrefix("%output ") || line.hasPrefix("%extended-output ") {
            outputCount += 1
            lastOutput = time
            if firstOutputTime == nil { firstOutputTime = time }
            condition.broadcast()
        } else if line.hasPrefix("%exit") {
            isClosed = true
            condition.broadcast()
        }
    }

    func nextReply(timeout: Double) -> Reply? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while replies.isEmpty && !isClosed {
            if !condition.wait(until: deadline) { break }
        }
        return replies.isEmpty ? nil : replies.removeFirst()
    }

    func resetOutputs() {
        condition.lock()
        firstOutputTime = nil
        condition.unlock()
    }

    func outputs() -> (count: Int, last: Double) {
        condition.lock()
        defer { condition.unlock() }
        return (outputCount, lastOutput)
    }

    /// Waits until more than `count` outputs were seen; false on timeout.
    func waitForOutput(after count: Int, timeout: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while outputCount <= count && !isClosed {
            if !condition.wait(until: deadline) { return false }
        }
        return outputCount > count
    }

    func firstOutput(timeout: Double) -> Double? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while firstOutputTime == nil && !isClosed {
            if !condition.wait(until: deadline) { break }
        }
        return firstOutputTime
    }
}
