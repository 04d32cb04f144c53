import Foundation

/// Monotonic time for the benchmarks.
enum BenchClock {
    /// Seconds since an arbitrary fixed point (CLOCK_MONOTONIC).
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU seconds this process has used, every thread counted (CLOCK_PROCESS_CPUTIME_ID).
    static func cpuNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `body` and returns its result with the wall and CPU seconds it took.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
        let start = now(), cpuStart = cpuNow()
        let value = try body()
        return (value, now() - start, cpuNow() - cpuStart)
    }

    /// Runs `body` and returns its result with the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, seconds: Double) {
        let start = now()
        let value = try body()
        return (value, now() - start)
    }
}

/// A failure of the benchmark harness itself, in words.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// How a child process ended, with what it cost.
struct ChildExit {
    /// The exit code, or 128 + signal number when a signal ended it.
    var status: Int32
    /// Wall-clock time from spawn to exit, in seconds.
    var wall: Double
    /// Peak resident set size of the program, in bytes; nil when it could not be measured.
    ///
    /// Not `wait4`'s `ru_maxrss`: `posix_spawn` starts the child in our address space (vfork),
    /// and the kernel carries that space's peak into the child's at `exec`, so a big bench
    /// process would show as the child's peak. `run` measures through GNU time instead.
    var maxRSS: Int?
    /// CPU time in user mode, in seconds.
    var user: Double
    /// CPU time in the kernel, in seconds.
    var system: Double
}

/// A process started with `posix_spawn` and reaped with `wait4`, so its peak RSS and CPU time
/// come back with its exit status (Foundation's `Process` reaps children itself and loses them).
struct ChildProcess {
    /// Where a standard stream of the child goes.
    enum Stream {
        case null
        /// A file, created or truncated (for output).
        case file(String)
        /// A file to read (for input).
        case input(String)
        /// A file descriptor of ours, duplicated into the child.
        case descriptor(Int32)
    }

    let pid: pid_t
    /// When it was spawned, in `BenchClock` seconds.
    let started: Double

    /// Spawns `argv` (the first element is looked up in `PATH`) with `environment` added to ours.
    static func spawn(_ argv: [String], environment: [String: String] = [:],
                      stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null,
                      closing extraDescriptors: [Int32] = []) throws -> ChildProcess {
        guard let program = argv.first else { throw BenchError("nothing to run") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .null:
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .input(let path):
                posix_spawn_file_actions_addopen(&actions, fd, path, O_RDONLY, 0)
            case .descriptor(let source):
                posix_spawn_file_actions_adddup2(&actions, source, fd)
            }
        }
        for fd in extraDescriptors { posix_spawn_file_actions_addclose(&actions, fd) }

        // The child starts with no blocked signals and default handlers: the spawning thread may be
        // a dispatch worker that blocks them, and a blocked SIGTERM would make `terminate` hang.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let cEnvironment = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let cArguments = argv.map { strdup($0) } + [nil]
        defer {
            for pointer in cEnvironment { free(pointer) }
            for pointer in cArguments { free(pointer) }
        }
        var pid: pid_t = 0
        let started = BenchClock.now()
        let status = posix_spawnp(&pid, program, &actions, &attributes, cArguments, cEnvironment)
        guard status == 0 else {
            throw BenchError("cannot start \(program): \(String(cString: strerror(status)))")
        }
        return ChildProcess(pid: pid, started: started)
    }

    /// Waits for the child to exit.
    func wait() -> ChildExit {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = BenchClock.now() - started
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildExit(status: code, wall: wall, maxRSS: nil,
                         user: Self.seconds(usage.ru_utime), system: Self.seconds(usage.ru_stime))
    }

    /// Asks the child to stop (SIGTERM), then waits for it.
    @discardableResult
    func terminate() -> ChildExit {
        kill(pid, SIGTERM)
        return wait()
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }

    /// What `run` returns: how the child ended and what it printed.
    struct Output {
        var exit: ChildExit
        var stdout: String
        var stderr: String
    }

    /// GNU time, which forks (no vfork) and so reports the program's own peak RSS.
    static let gnuTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil

    /// Runs `argv` to completion, capturing its output through files in `scratch`. The peak RSS
    /// is measured when GNU time is installed (it adds well under a millisecond).
    static func run(_ argv: [String], environment: [String: String] = [:], scratch: URL) throws -> Output {
        let token = UUID().uuidString.prefix(8)
        let out = scratch.appendingPathComponent("out-\(token).txt").path
        let err = scratch.appendingPathComponent("err-\(token).txt").path
        let rss = scratch.appendingPathComponent("rss-\(token).txt").path
        defer {
            for path in [out, err, rss] { try? FileManager.default.removeItem(atPath: path) }
        }
        let wrapped = gnuTime.map { [$0, "-f", "%M", "-o", rss] + argv } ?? argv
        let child = try spawn(wrapped, environment: environment, stdout: .file(out), stderr: .file(err))
        var exit = child.wait()
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        // GNU time writes "Command exited with non-zero status N" before the figure.
        if let kilobytes = read(rss).split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            exit.maxRSS = kilobytes * 1024
        }
        return Output(exit: exit, stdout: read(out), stderr: read(err))
    }
}

/// Memory figures of a running process, from `/proc/<pid>/status`.
enum ProcStatus {
    /// Peak resident set size so far (VmHWM), in bytes; nil when the process is gone.
    static func peakRSS(of pid: pid_t) -> Int? { field("VmHWM", of: pid) }

    /// Current resident set size (VmRSS), in bytes.
    static func currentRSS(of pid: pid_t) -> Int? { field("VmRSS", of: pid) }

    private static func field(_ name: String, of pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let number = line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first
            return number.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}

/// Where a program is on `PATH`, nil when it is not installed.
func whichProgram(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
