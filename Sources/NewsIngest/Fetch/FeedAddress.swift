import Foundation

/// Checks and shows feed addresses: which URLs Herald fetches, and how they are printed.
public enum FeedAddress {
    /// Schemes Herald fetches. `file` is for local feeds.
    public static let supportedSchemes: Set<String> = ["http", "https", "file"]

    /// Parses `text` as a feed URL, or explains why it cannot be one.
    ///
    /// Accepts `http://` and `https://` URLs with a host, and `file://` URLs (or an absolute
    /// path, which becomes a `file` URL). Anything else (`ftp:`, `exec:`, `query:`, a bare
    /// word) is an error: Herald never runs commands named in a subscription.
    public static func validate(_ text: String) throws(FetchError) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("/") { return URL(fileURLWithPath: trimmed) }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased() else {
            throw .unsupportedURL("'\(redacted(trimmed))' is not a URL; Herald fetches http, https and file URLs")
        }
        guard supportedSchemes.contains(scheme) else {
            throw .unsupportedURL(
                "unsupported URL scheme '\(scheme)' in \(redacted(trimmed)); Herald fetches http, https and file URLs")
        }
        if scheme != "file", (url.host ?? "").isEmpty {
            throw .unsupportedURL("\(redacted(trimmed)) has no host name")
        }
        return url
    }

    /// `text` with any password in it replaced by `***`, for messages and listings.
    public static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return text }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
