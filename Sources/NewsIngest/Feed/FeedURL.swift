/// Relative reference resolution (RFC 3986 section 5.2) on plain strings.
///
/// Feeds carry links that `URL` refuses (spaces, raw non-ASCII), so links stay strings and
/// only their structure is interpreted.
enum FeedURL {
    /// True when `link` starts with a scheme (`https:`, `mailto:`, `tag:`).
    static func hasScheme(_ link: String) -> Bool {
        var first = true
        for b in link.utf8 {
            if b == UInt8(ascii: ":") { return !first }
            let isLetter = HTMLText.isASCIILetter(b)
            if first {
                guard isLetter else { return false }
                first = false
            } else if !(isLetter || FeedDate.isDigit(b) || b == UInt8(ascii: "+")
                        || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")) {
                return false
            }
        }
        return false
    }

    /// `reference` resolved against `base`; `reference` unchanged when it is already absolute or
    /// when `base` is missing or not absolute itself.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base, !hasScheme(reference), hasScheme(base) else { return reference }
        let b = Parts(base)
        let r = Parts(reference)
        var result = Parts()
        result.scheme = b.scheme
        if let authority = r.authority {
            result.authority = authority
            result.path = removeDotSegments(r.path)
            result.query = r.query
        } else {
            result.authority = b.authority
            if r.path.isEmpty {
                result.path = b.path
                result.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    result.path = removeDotSegments(r.path)
                } else {
                    result.path = removeDotSegments(merge(base: b, path: r.path))
                }
                result.query = r.query
            }
        }
        result.fragment = r.fragment
        return result.joined
    }

    /// A reference split into its five components.
    private struct Parts {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring = ""
        var query: Substring?
        var fragment: Substring?

        init() {}

        init(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") {
                fragment = rest[rest.index(after: hash)...]
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = rest[rest.index(after: question)...]
                rest = rest[..<question]
            }
            if FeedURL.hasScheme(String(rest)), let colon = rest.firstIndex(of: ":") {
                scheme = rest[..<colon]
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
                let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
                authority = rest[afterSlashes..<end]
                rest = rest[end...]
            }
            path = rest
        }

        var joined: String {
            var out = ""
            if let scheme { out += scheme; out += ":" }
            if let authority { out += "//"; out += authority }
            out += path
            if let query { out += "?"; out += query }
            if let fragment { out += "#"; out += fragment }
            return out
        }
    }

    private static func merge(base: Parts, path: Substring) -> Substring {
        if base.authority != nil, base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return base.path[...slash] + path
    }

    /// RFC 3986 5.2.4: removes `.` and `..` segments.
    private static func removeDotSegments(_ path: Substring) -> Substring {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let absolute = path.hasPrefix("/")
        for (index, segment) in segments.enumerated() {
            if absolute, index == 0 { continue }
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return Substring(absolute ? "/" + joined : joined)
    }
}
