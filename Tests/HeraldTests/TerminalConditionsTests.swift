import Foundation
import Testing

/// The reader under hostile terminal conditions, in tmux (each test on its own tmux server):
/// terminals it cannot drive, stdin that is not a TTY, a non-UTF-8 locale, SIGTERM and SIGHUP,
/// and a storm of resizes.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct TerminalConditionsTests {
    /// The screen's non-blank lines.
    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Runs the reader where it cannot start; returns the screen once the shell has finished.
    func refusedStart(environment: String = "", redirect: String = "") async throws -> (lines: [String], restored: Bool) {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        let tmux = try fixture.start(width: 100, height: 30, environment: environment, redirect: redirect)
        defer { tmux.kill() }
        let done = await tmux.waitFor("HERALD-EXITED", timeout: 20)
        #expect(done.ok, "the shell did not finish:\n\(done.screen)")
        return (Self.lines(done.screen), try fixture.ttyRestored())
    }

    @Test func dumbTerminalIsRefusedClearly() async throws {
        let (lines, restored) = try await refusedStart(environment: "TERM=dumb")
        // Exactly the message, the exit status and the marker: nothing else was drawn.
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.first == "Error: the terminal type 'dumb' cannot run a full-screen interface", "\(lines)")
        #expect(lines.contains { $0.hasPrefix("exit=") && $0 != "exit=0" }, "\(lines)")
        #expect(restored)
    }

    @Test func unknownTerminalIsRefusedClearly() async throws {
        let (lines, restored) = try await refusedStart(environment: "TERM=no-such-terminal-9000")
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.first?.contains("unknown terminal type 'no-such-terminal-9000'") == true, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("exit=") && $0 != "exit=0" }, "\(lines)")
        #expect(restored)
    }

    @Test func stdinNotATerminalIsRefusedClearly() async throws {
        let (lines, restored) = try await refusedStart(redirect: "< /dev/null")
        #expect(lines.first?.contains("the reader needs a terminal on standard input and output") == true, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("exit=") && $0 != "exit=0" }, "\(lines)")
        #expect(!lines.joined().contains("Feeds"), "the reader drew its screen anyway: \(lines)")
        #expect(restored)
    }

    /// With `LC_ALL=POSIX` (an ASCII locale) the reader still writes UTF-8: box drawing and a
    /// curly apostrophe from the seed article reach the screen intact.
    @Test(arguments: ["LANG=C LC_ALL=POSIX", "LANG=C LC_ALL=C"])
    func nonUTF8LocaleStillDrawsUTF8(locale: String) async throws {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        let tmux = try fixture.start(width: 120, height: 40, environment: locale)
        defer { tmux.kill() }
        let start = await tmux.waitFor("Feeds", timeout: 20)
        #expect(start.ok, "no reader screen:\n\(start.screen)")
        #expect(start.screen.contains("│"), "no box drawing:\n\(start.screen)")
        try tmux.send("/")
        try tmux.type("Lavrov veto")
        try tmux.send("Enter")
        #expect(await tmux.waitFor("Lavrov", timeout: 10).ok)
        try tmux.send("Enter")
        let article = await tmux.waitFor(timeout: 10) { $0.contains("Europe’s") || $0.contains("Kyiv’s") }
        #expect(article.ok, "UTF-8 text not drawn intact under \(locale):\n\(article.screen)")
        #expect(!article.screen.contains("M-b") && !article.screen.contains("\u{FFFD}"), "\(article.screen)")
        try tmux.send("q")
        #expect(await tmux.waitFor("HERALD-EXITED", timeout: 10).ok)
        #expect(try fixture.ttyRestored())
    }

    /// SIGTERM and SIGHUP end the reader with the terminal restored (as `q` does).
    @Test(arguments: [SIGTERM, SIGHUP])
    func signalRestoresTheTerminal(signal: Int32) async throws {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        let tmux = try fixture.start(width: 100, height: 30)
        defer { tmux.kill() }
        #expect(await tmux.waitFor("Feeds", timeout: 20).ok)
        let reader = try Self.readerPID(in: tmux)
        #expect(kill(reader, signal) == 0)
        let exited = await tmux.waitFor("HERALD-EXITED", timeout: 10)
        #expect(exited.ok, "the reader did not exit on signal \(signal):\n\(exited.screen)")
        #expect(exited.screen.contains("exit=\(128 + signal)"), "\(exited.screen)")
        #expect(!exited.screen.contains("Feeds"), "the reader's screen is still up:\n\(exited.screen)")
        #expect(try fixture.ttyRestored(), "tty modes differ after signal \(signal)")
    }

    /// A reader started by a parent that blocks SIGTERM, SIGHUP, SIGINT and SIGWINCH (the mask is
    /// inherited across exec) still follows a resize and still ends on SIGTERM with the terminal
    /// restored. (The reader needs no code of its own for this today: its main thread runs with an
    /// empty mask and takes the signals, while the thread that owns ncurses, a Dispatch worker,
    /// blocks them all; found with strace and `/proc/PID/task/*/status`. The test keeps it so.)
    @Test func inheritedBlockedSignalsDoNotStopTheReader() async throws {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        // python3 blocks the signals, then execs the reader: same process, blocked mask kept.
        let blocker = "python3 -c 'import os, signal, sys; "
            + "signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGWINCH]); "
            + "os.execv(sys.argv[1], sys.argv[1:])'"
        let tmux = try fixture.start(width: 100, height: 30, environment: blocker)
        defer { tmux.kill() }
        #expect(await tmux.waitFor("Feeds", timeout: 20).ok)
        let reader = try Self.readerPID(in: tmux)
        try tmux.resize(width: 60, height: 20)
        // A reader that learnt of the resize draws what one started at that size draws.
        let reference = try ReaderFixture()
        defer { reference.remove() }
        let fresh = try reference.start(width: 60, height: 20)
        defer { fresh.kill() }
        #expect(await fresh.waitFor("Feeds", timeout: 20).ok)
        let resized = await tmux.waitFor(timeout: 10) { $0 == fresh.capture() }
        #expect(resized.ok, "after the resize:\n\(resized.screen)\nfresh at that size:\n\(fresh.capture())")
        try tmux.resize(width: 100, height: 30)  // stty's rows and columns as before

        #expect(kill(reader, SIGTERM) == 0)
        let exited = await tmux.waitFor("HERALD-EXITED", timeout: 10)
        #expect(exited.ok, "the reader did not exit on SIGTERM:\n\(exited.screen)")
        #expect(exited.screen.contains("exit=\(128 + SIGTERM)"), "\(exited.screen)")
        #expect(try fixture.ttyRestored())
    }

    /// The reader's process: the child of the shell that `ReaderFixture` runs in the pane.
    static func readerPID(in tmux: TmuxSession) throws -> pid_t {
        let shell = try #require(pid_t(try tmux.tmux(["display-message", "-p", "-t", "t", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        return try #require(child(of: shell), "no reader process under the pane's shell \(shell)")
    }

    /// The first process whose parent is `parent` (read from /proc; no process names involved).
    static func child(of parent: pid_t) -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, pid_t(fields[1]) == parent { return pid }
        }
        return nil
    }

    /// Forty resizes in quick succession, down to 1x1 and back: the reader survives and its
    /// final screen is the one a reader started at that size draws.
    @Test func resizeStormLeavesACorrectScreen() async throws {
        let fixture = try ReaderFixture()
        defer { fixture.remove() }
        let tmux = try fixture.start(width: 100, height: 30)
        defer { tmux.kill() }
        #expect(await tmux.waitFor("Feeds", timeout: 20).ok)
        let sizes = [(1, 1), (2, 1), (10, 3), (200, 60), (37, 11), (80, 24), (5, 40), (150, 8)]
        for index in 0..<40 {
            let (width, height) = sizes[index % sizes.count]
            try tmux.resize(width: width, height: height)
        }
        try tmux.resize(width: 100, height: 30)
        #expect(!tmux.programExited, "the reader died in the resize storm")

        // A reader started fresh at 100x30 on a new store (the same sample library) draws the
        // reference screen.
        let reference = try ReaderFixture()
        defer { reference.remove() }
        let fresh = try reference.start(width: 100, height: 30)
        defer { fresh.kill() }
        let expected = await fresh.waitFor("Feeds", timeout: 20)
        #expect(expected.ok)
        let settled = await tmux.waitFor(timeout: 10) { $0 == fresh.capture() }
        #expect(settled.ok, "after the storm:\n\(settled.screen)\nfresh at the same size:\n\(fresh.capture())")
        #expect(!tmux.programExited)
        try tmux.send("q")
        #expect(await tmux.waitFor("exit=0", timeout: 10).ok)
        #expect(try fixture.ttyRestored())
    }
}
