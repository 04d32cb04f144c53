import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches feeds over HTTP(S) and from local files, politely and within limits.
///
/// - Conditional GET: sends the stored `ETag` / `Last-Modified` back and turns a 304 into
///   `.notModified`, which costs no parsing.
/// - Redirects: followed hop by hop (at most `maxRedirects`); a chain that starts with
///   permanent redirects (301/308) reports the new address so the store can update the URL;
///   loops, redirects to other schemes and credentials sent to another host are refused.
/// - Limits: `timeout` without a byte from the server fails the fetch; a body over
///   `maxResponseBytes` (counted after gzip decoding, so a gzip bomb is cut off too) fails it.
/// - No URL cache, no cookies: validators live in the store.
///
/// One failing feed never affects another: every failure is a `.failed(message)` value.
public final class FeedFetcher: Sendable {
    /// Knobs for a fetcher; the defaults suit `herald refresh`.
    public struct Configuration: Sendable {
        /// Seconds without any byte from the server before a request fails.
        public var timeout: TimeInterval
        /// Largest body accepted, in bytes after content decoding.
        public var maxResponseBytes: Int
        /// Most redirect hops followed for one feed.
        public var maxRedirects: Int
        /// Sent as `User-Agent`.
        public var userAgent: String
        /// Connections kept open to one host at once (match the refresh's job count).
        public var maxConnectionsPerHost: Int

        public init(timeout: TimeInterval = 20, maxResponseBytes: Int = 50 << 20, maxRedirects: Int = 10,
                    userAgent: String = FeedFetcher.userAgent(version: "0"), maxConnectionsPerHost: Int = 8) {
            self.timeout = timeout
            self.maxResponseBytes = maxResponseBytes
            self.maxRedirects = maxRedirects
            self.userAgent = userAgent
            self.maxConnectionsPerHost = maxConnectionsPerHost
        }
    }

    /// Where the User-Agent points people who want to know what is fetching their feed.
    public static let projectURL = "https://herald.invalid/"

    /// `Herald/<version> (+<project URL>)`.
    public static func userAgent(version: String) -> String {
        "Herald/\(version) (+\(projectURL))"
    }

    public let configuration: Configuration
    private let session: URLSession
    private let delegate: FetchSessionDelegate

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeout
        // The whole transfer of one hop may take a few idle timeouts' worth (a big feed on a slow link).
        sessionConfiguration.timeoutIntervalForResource = configuration.timeout * 6
        sessionConfiguration.httpMaximumConnectionsPerHost = max(1, configuration.maxConnectionsPerHost)
        let delegate = FetchSessionDelegate()
        self.delegate = delegate
        self.session = URLSession(configuration: sessionConfiguration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// Fetches one feed. Never throws: a failure is `.failed(message)`.
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        switch request.url.scheme?.lowercased() {
        case "http", "https":
            return await fetchHTTP(request)
        case "file":
            return fetchFile(request)
        default:
            do {
                _ = try FeedAddress.validate(request.url.absoluteString)
                return .failed("unsupported URL \(FeedAddress.redacted(request.url.absoluteString))")
            } catch {
                return .failed(error.description)
            }
        }
    }

    /// Fetches every request with at most `jobs` at once; results are in request order.
    public func fetchAll(_ requests: [FetchRequest], jobs: Int = 8) async -> [FetchResult] {
        var results = [FetchResult](repeating: .notModified, count: requests.count)
        await BoundedConcurrency.forEach(requests, limit: jobs) { request in
            await self.fetch(request)
        } onResult: { index, result in
            results[index] = result
        }
        return results
    }

    // MARK: HTTP

    private func fetchHTTP(_ request: FetchRequest) async -> FetchResult {
        var url = request.url
        var visited: Set<String> = [url.absoluteString]
        // The address reached through the leading run of permanent redirects.
        var permanentTarget: URL?
        var stillPermanent = true
        var hops = 0
        while true {
            let outcome = await delegate.run(
                httpRequest(url: url, original: request), in: session, limit: configuration.maxResponseBytes)
            if Task.isCancelled { return .failed("cancelled") }
            if let failure = outcome.failure { return .failed(failure.description) }
            if let code = outcome.errorCode {
                return .failed(transportMessage(code: code, message: outcome.errorMessage, url: url))
            }
            guard let response = outcome.response else {
                return .failed("no response from \(url.host ?? url.absoluteString)")
            }
            let status = response.statusCode
            switch status {
            case 304:
                return .notModified
            case 200..<300:
                return .fetched(data: outcome.body, finalURL: url,
                                etag: nonEmpty(response.value(forHTTPHeaderField: "ETag")),
                                lastModified: nonEmpty(response.value(forHTTPHeaderField: "Last-Modified")),
                                permanentRedirect: permanentTarget)
            case 301, 302, 303, 307, 308:
                hops += 1
                if hops > configuration.maxRedirects {
                    return .failed(FetchError.tooManyRedirects(limit: configuration.maxRedirects).description)
                }
                guard let location = response.value(forHTTPHeaderField: "Location"),
                      let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    return .failed(FetchError.badRedirect("HTTP \(status) without a Location header").description)
                }
                guard let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                    return .failed(FetchError.badRedirect(
                        "redirected to \(FeedAddress.redacted(next.absoluteString)), which is not an http(s) URL").description)
                }
                guard visited.insert(next.absoluteString).inserted else {
                    return .failed(FetchError.redirectLoop(next.absoluteString).description)
                }
                if stillPermanent, status == 301 || status == 308 {
                    permanentTarget = next
                } else {
                    stillPermanent = false
                }
                url = next
            default:
                return .failed(FetchError.http(status: status).description)
            }
        }
    }

    /// The request for one hop: validators, User-Agent, and credentials only for the feed's own origin.
    private func httpRequest(url: URL, original: FetchRequest) -> URLRequest {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData,
                                 timeoutInterval: configuration.timeout)
        request.setValue(configuration.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
                         forHTTPHeaderField: "Accept")
        if let etag = original.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = original.lastModified {
            request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since")
        }
        if let authorization = Self.basicAuthorization(original.url), Self.sameOrigin(url, original.url) {
            request.setValue(authorization, forHTTPHeaderField: "Authorization")
        }
        return request
    }

    /// `Basic …` for a URL carrying `user:password@`, nil otherwise.
    static func basicAuthorization(_ url: URL) -> String? {
        guard let user = url.user(percentEncoded: false), !user.isEmpty else { return nil }
        let password = url.password(percentEncoded: false) ?? ""
        return "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func origin(_ url: URL) -> String {
            let scheme = url.scheme?.lowercased() ?? ""
            let port = url.port ?? (scheme == "https" ? 443 : 80)
            return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
        }
        return origin(a) == origin(b)
    }

    private func transportMessage(code: Int, message: String?, url: URL) -> String {
        let host = url.host ?? url.absoluteString
        switch URLError.Code(rawValue: code) {
        case .timedOut: return FetchError.timedOut(seconds: configuration.timeout).description
        case .cannotConnectToHost: return "could not connect to \(host)"
        case .cannotFindHost, .dnsLookupFailed: return "host \(host) not found"
        case .networkConnectionLost: return "connection to \(host) lost"
        case .notConnectedToInternet: return "no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "secure connection to \(host) failed"
        case .cancelled: return "cancelled"
        default: return message.map { "\($0) (\(host))" } ?? "network error \(code) (\(host))"
        }
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    // MARK: Files

    /// Reads a local feed. Its modification time plays `Last-Modified`, so an unchanged file is
    /// `.notModified` on the next refresh.
    private func fetchFile(_ request: FetchRequest) -> FetchResult {
        let path = request.url.path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            return .failed("cannot read \(path): no such file")
        }
        if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
            return .failed("\(path) is a folder, not a feed file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > configuration.maxResponseBytes {
            return .failed(FetchError.tooLarge(limit: configuration.maxResponseBytes).description)
        }
        let stamp = (attributes[.modificationDate] as? Date).map(HTTPDate.format)
        if let stamp, stamp == request.lastModified { return .notModified }
        do {
            let data = try Data(contentsOf: request.url)
            return .fetched(data: data, finalURL: request.url, etag: nil, lastModified: stamp, permanentRedirect: nil)
        } catch {
            return .failed("cannot read \(path): \(error.localizedDescription)")
        }
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate), independent of the user's locale.
enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Sun, 06 Nov 1994 08:49:37 GMT".
    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let weekday = weekdays[((c.weekday ?? 1) - 1) % 7]
        let month = months[((c.month ?? 1) - 1) % 12]
        return "\(weekday), \(two(c.day)) \(month) \(c.year ?? 1970) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) GMT"
    }
}
