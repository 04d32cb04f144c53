// Fuzz target for `Config.parse(toml:)`, plus `Config.words(_:)` and `Config.browserCommand`
// on what it returns.
//
// Checks: an error points at a line of the file; widths are inside `Config.widthRange` (an
// out-of-range width is a warning, never a value); warnings are in line order; a browser
// command is never empty and always receives the URL.

import Glibc
import ReaderUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Config.words(text)
    let config: Config
    do {
        config = try Config.parse(toml: text)
    } catch {
        expectErrorLine(error.line, error.column, in: text, error.description)
        return 0
    }
    for (name, width) in [("headlines", config.headlinesWidth), ("sidebar", config.sidebarWidth)] {
        if let width { expect(Config.widthRange.contains(width), "\(name) width \(width) accepted") }
    }
    let lines = config.warnings.compactMap { warning -> Int? in
        guard warning.hasPrefix("line "), let digits = warning.dropFirst(5).split(separator: ":").first
        else { return nil }
        return Int(digits)
    }
    expect(lines == lines.sorted(), "warnings out of line order: \(config.warnings)")
    if let browser = config.browser {
        expect(!browser.isEmpty, "an empty browser command accepted")
        let url = "https://example.com/a?b=c"
        let command = Config.browserCommand(browser, url: url)
        expect(!command.isEmpty && command.contains(where: { $0.contains(url) }),
               "browser command \(command) does not receive the URL")
    }
    return 0
}

/// ASan's defaults for this binary: no leak detection, because TOMLKit 0.6.0 leaks every parsed
/// table (TOMLTable has no deinit) and LeakSanitizer would report that on every input.
@_cdecl("__asan_default_options")
public func asanDefaultOptions() -> UnsafePointer<CChar>? {
    UnsafePointer(strdup("detect_leaks=0"))
}
