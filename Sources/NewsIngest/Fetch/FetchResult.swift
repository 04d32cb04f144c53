import Foundation

/// One feed to fetch: its URL and the validators kept from its last successful fetch.
public struct FetchRequest: Sendable, Hashable {
    /// The feed's URL (`http`, `https` or `file`).
    public var url: URL
    /// `ETag` of the last 200 response, sent back as `If-None-Match`.
    public var etag: String?
    /// `Last-Modified` of the last 200 response, sent back as `If-Modified-Since`.
    public var lastModified: String?

    public init(url: URL, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What fetching one feed gave.
public enum FetchResult: Sendable, Equatable {
    /// The server answered 304 (or the file is unchanged): the stored copy is current.
    case notModified
    /// A fresh document.
    /// - data: the body, already decoded from gzip/deflate/br.
    /// - finalURL: where the body came from after redirects.
    /// - etag, lastModified: validators to send on the next fetch.
    /// - permanentRedirect: the feed's new address when the chain began with permanent
    ///   redirects (301/308); the stored URL should become this one.
    case fetched(data: Data, finalURL: URL, etag: String?, lastModified: String?, permanentRedirect: URL?)
    /// The fetch failed; the message says why in words a user can act on.
    case failed(String)
}

/// Why a fetch failed. `description` is the message stored with the feed.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL's scheme is not `http`, `https` or `file` (or the URL has no host).
    case unsupportedURL(String)
    /// The body (after decoding) grew past the limit; the transfer was cut off.
    case tooLarge(limit: Int)
    /// More redirects than allowed.
    case tooManyRedirects(limit: Int)
    /// A redirect led back to an address already visited.
    case redirectLoop(String)
    /// A redirect without a usable `Location`, or to a scheme other than http(s).
    case badRedirect(String)
    /// The server answered with an error status.
    case http(status: Int)
    /// Nothing arrived for `seconds`.
    case timedOut(seconds: TimeInterval)
    /// A network or file error, in words.
    case transport(String)

    public var description: String {
        switch self {
        case .unsupportedURL(let message): return message
        case .tooLarge(let limit): return "response larger than \(Self.formatBytes(limit)); cut off"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .redirectLoop(let url): return "redirect loop at \(FeedAddress.redacted(url))"
        case .badRedirect(let message): return message
        case .http(let status): return "HTTP \(status) \(Self.reason(status))"
        case .timedOut(let seconds): return "no answer within \(Self.formatSeconds(seconds))"
        case .transport(let message): return message
        }
    }

    /// "50 MiB", "512 KiB", "900 bytes".
    static func formatBytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    static func formatSeconds(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    /// The reason phrase of common statuses (the server's own phrase is not exposed by URLSession).
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 408: return "Request Timeout"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default:
            switch status {
            case 300..<400: return "Redirect"
            case 400..<500: return "Client Error"
            default: return "Server Error"
            }
        }
    }
}
