// Fuzz target for `Theme.parse(toml:name:)` and `Theme.adapted(toColorCount:)`.
//
// Checks: an error points at a line of the file; every role of a parsed theme has a style; and
// adaptation keeps its promises: no 24-bit colour at 256 colours, only the basic 16 (or 8)
// colours below that, and no colour at all below 8.

import Glibc
import ReaderUI
import TerminalUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTheme(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let theme: Theme
    do {
        theme = try Theme.parse(toml: text, name: "fuzz")
    } catch {
        expectErrorLine(error.line, error.column, in: text, error.description)
        return 0
    }
    for colors in [1 << 24, 256, 88, 16, 8, 2, 0] {
        let adapted = theme.adapted(toColorCount: colors)
        for role in ThemeRole.allCases {
            let style = adapted.style(role)
            for color in [style.foreground, style.background] {
                expect(fits(color, colors: colors),
                       "\(role) adapted to \(colors) colours has colour \(color)")
            }
        }
    }
    return 0
}

/// Whether a terminal with `colors` colours can show `color`, as `adapted` promises.
func fits(_ color: Color, colors: Int) -> Bool {
    switch color {
    case .default: return true
    case .indexed(let index): return colors >= 256 || (colors >= 16 && index < 16) || (colors >= 8 && index < 8)
    case .rgb: return colors >= 1 << 24
    }
}

/// ASan's defaults for this binary: no leak detection, because TOMLKit 0.6.0 leaks every parsed
/// table (TOMLTable has no deinit) and LeakSanitizer would report that on every input.
@_cdecl("__asan_default_options")
public func asanDefaultOptions() -> UnsafePointer<CChar>? {
    UnsafePointer(strdup("detect_leaks=0"))
}
