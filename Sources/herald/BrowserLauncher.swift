import Foundation
import ReaderUI

/// Starts the browser for a link with `posix_spawnp` and an argument vector — never a shell.
enum BrowserLauncher {
    /// Opens `url` with the configured browser; returns at once (the browser runs detached).
    static func open(_ url: String, template: [String]?,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let argv = try BrowserCommand.argv(for: url, template: template, environmentBrowser: environment["BROWSER"])
        try spawn(argv)
    }

    /// Spawns `argv` detached: its own session, standard streams on /dev/null, not waited for.
    static func spawn(_ argv: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group: keys and signals meant for the reader never reach the browser.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArgs.append(nil)
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, environ)
        guard status == 0 else {
            throw LaunchError(message: "cannot start \(argv[0]): \(String(cString: strerror(status)))")
        }
        // Reap the child in the background so it never lingers as a zombie.
        let child = pid
        DispatchQueue.global(qos: .utility).async {
            var code: Int32 = 0
            waitpid(child, &code, 0)
        }
    }

    struct LaunchError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
