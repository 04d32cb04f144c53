import Foundation

extension ParsedFeed {
    /// The feed as the corpus contract's JSON object (`herald parse --json`).
    ///
    /// Keys: `format`, `bozo`, `feed{title,link}`, `entries[{title,link,id,published,updated,
    /// author,content_length,content_prefix}]`; missing values are `null`; dates are
    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC; `content_length` counts Unicode scalars of the body's plain
    /// text (NFC) and `content_prefix` is its first 200 scalars.
    public func contractJSON() -> String {
        var out = "{\"format\": \(ContractJSON.string(format == .unknown ? "" : format.rawValue)), "
        out += "\"bozo\": \(bozo), "
        if let bozoMessage { out += "\"bozo_message\": \(ContractJSON.string(bozoMessage)), " }
        out += "\"feed\": {\"title\": \(ContractJSON.string(title)), \"link\": \(ContractJSON.string(link))}, "
        out += "\"entries\": ["
        for (index, entry) in entries.enumerated() {
            if index > 0 { out += ", " }
            out += "\n  " + entry.contractJSON()
        }
        out += entries.isEmpty ? "]}" : "\n]}"
        return out
    }

    /// The contract's JSON for a document that produced no feed: no entries, and the error.
    public static func contractJSON(for error: FeedParseError) -> String {
        "{\"format\": \"\", \"bozo\": true, \"error\": \(ContractJSON.string(error.description)), "
            + "\"feed\": {\"title\": null, \"link\": null}, \"entries\": []}"
    }
}

extension ParsedEntry {
    /// One entry of the contract's JSON.
    public func contractJSON() -> String {
        let text = contentText
        let scalars = text?.unicodeScalars
        let length = scalars?.count ?? 0
        let prefix = scalars.map { String(String.UnicodeScalarView($0.prefix(200))) }
        var out = "{\"title\": \(ContractJSON.string(title)), \"link\": \(ContractJSON.string(link)), "
        out += "\"id\": \(ContractJSON.string(id)), "
        out += "\"published\": \(ContractJSON.string(published.map(FeedDate.iso8601))), "
        out += "\"updated\": \(ContractJSON.string(updated.map(FeedDate.iso8601))), "
        out += "\"author\": \(ContractJSON.string(author)), "
        out += "\"content_length\": \(length), \"content_prefix\": \(ContractJSON.string(prefix?.isEmpty == false ? prefix : nil))}"
        return out
    }
}

/// Minimal JSON writing for the contract output (keys in a fixed, readable order).
enum ContractJSON {
    /// A JSON string literal, or `null` for nil.
    static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}
