import ArgumentParser
import Foundation
import NewsModel
import ReaderUI

/// `herald open ID|URL`: opens an article's page (or a link) in the browser, without a shell.
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open an article's page, or a URL, in the browser.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "An article id or an http(s)/mailto URL.") var target: String
    @Flag(help: "Wait for the browser to exit (for scripts and tests).") var wait = false

    func run() async throws {
        let url: String
        if let id = Int64(target) {
            let store = try global.openStore()
            guard let article = try store.article(id: ArticleID(id)) else { throw ValidationError("no article with id \(id)") }
            guard let link = article.url else { throw ValidationError("article \(id) has no link") }
            url = link
        } else {
            url = target
        }
        let (config, _) = ConfigLoader.load()
        do {
            let argv = try BrowserCommand.argv(for: url, template: config.browser,
                                               environmentBrowser: ProcessInfo.processInfo.environment["BROWSER"])
            if wait {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = argv
                try process.run()
                process.waitUntilExit()
            } else {
                try BrowserLauncher.spawn(argv)
            }
        } catch let refusal as BrowserCommand.Refusal {
            throw ValidationError(refusal.description)
        }
    }
}
