/// Builds the argument vector that opens a link, and decides which links may be opened.
///
/// No shell is ever involved: the URL is one argument, verbatim. Only `http`, `https` and
/// `mailto` links are opened; anything else (`file:`, `javascript:`, custom schemes) is refused.
public enum BrowserCommand {
    /// Why a link was not opened.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case scheme(String)
        case malformed
        case noBrowser

        public var description: String {
            switch self {
            case .scheme(let s): return "not opening a \(s.isEmpty ? "scheme-less" : s + ":") link (only http, https and mailto)"
            case .malformed: return "not opening a malformed link"
            case .noBrowser: return "no browser configured (set `browser` in config.toml or $BROWSER)"
            }
        }
    }

    /// The schemes Herald hands to a browser.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The link's scheme, lowercased, or "" when it has none.
    public static func scheme(of url: String) -> String {
        guard let colon = url.firstIndex(of: ":") else { return "" }
        let s = url[..<colon]
        guard let first = s.first, first.isASCII, first.isLetter,
              s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return "" }
        return s.lowercased()
    }

    /// The argv to run: `template` with every `%u` replaced by the URL (appended when there is none).
    ///
    /// `template` comes from config (`browser = ["firefox", "%u"]`), else `$BROWSER` split on
    /// spaces (its first `:`-separated entry), else `["xdg-open"]`.
    public static func argv(for url: String, template: [String]?, environmentBrowser: String?) throws(Refusal) -> [String] {
        let scheme = scheme(of: url)
        guard allowedSchemes.contains(scheme) else { throw .scheme(scheme) }
        guard !url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { throw .malformed }
        var command = template ?? []
        if command.isEmpty, let env = environmentBrowser,
           let first = env.split(separator: ":").first {
            command = first.split(separator: " ").map(String.init)
        }
        if command.isEmpty { command = ["xdg-open"] }
        guard let program = command.first, !program.isEmpty else { throw .noBrowser }
        if command.contains(where: { $0.contains("%u") }) {
            return [program] + command.dropFirst().map { $0.replacingOccurrences(of: "%u", with: url) }
        }
        return command + [url]
    }
}

extension String {
    /// Every occurrence of `target` replaced (standard library only, no Foundation).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
