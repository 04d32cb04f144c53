import CLibXML2
import Foundation
import NewsModel

/// Turns feed HTML (or plain text) into article blocks with inline links and emphasis.
///
/// HTML goes through libxml2's forgiving HTML parser (RECOVER, NOERROR, NOWARNING, NONET and
/// IGNORE_ENC: the input is already UTF-8) in SAX mode, without building a tree (a third
/// cheaper than `htmlReadMemory`), and one pass over its events (see `Builder`):
/// - `p` → `.paragraph`; inline `a` → link spans (resolved against `baseURL`; `javascript:`,
///   `vbscript:` and `data:` targets are dropped, the text kept); `em strong b i u mark cite dfn`
///   → emphasis; `<br>` → `\n` in the text, and `<br><br>` ends the paragraph;
/// - `h1`…`h6` → `.heading`; `ul`/`ol`/`li` → `.listItem` with nesting depth and numbers
///   (`start` and `value` honoured); `dt` → emphasised paragraph;
/// - `blockquote` → `.quote`, attributed by a trailing `<cite>` or `<footer>` (or a
///   `<figcaption>` beside it in a `<figure>`), or by a last line starting with a dash;
/// - `pre` → `.preformatted` (text kept verbatim, tabs expanded to 8 columns);
/// - `img` → `.image(alt:url:)`, except tracking pixels (width or height ≤ 2, or a known tracker
///   host) and images with neither alt text nor a usable URL; emoji-sized images (≤ 32 px, or
///   class `emoji` / `wp-smiley`) stay inline as their alt text;
/// - `table` with two or more columns → `.table` of cell texts; a one-column or nested table is
///   layout and is read as plain blocks;
/// - `hr` → `.rule`; `script style template noscript iframe form`… are dropped with content;
/// - `div section article`… flatten; text outside any paragraph becomes a paragraph.
/// Whitespace follows HTML rules (runs collapse, NBSP included) and all text is cleaned with
/// `TextSanitizer`. Input without any `<` is plain text: paragraphs split on blank lines, with
/// character references decoded.
public enum HTMLBlocks {
    /// Blocks of an HTML fragment or document; [] for empty input.
    public static func blocks(fromHTML html: String, baseURL: URL?) -> [Block] {
        var html = html
        return html.withUTF8 { blocks(utf8: $0, baseURL: baseURL) }
    }

    /// libxml2 wants `xmlInitParser` once before parsing from several threads.
    private static let libxmlReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parser options: forgiving, silent, offline, UTF-8 whatever `<meta>` says, no depth limit
    /// (the builder keeps its own stack, so deep nesting costs memory, not recursion).
    private static let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        | XML_PARSE_HUGE.rawValue)

    private static func blocks(utf8: UnsafeBufferPointer<UInt8>, baseURL: URL?) -> [Block] {
        guard let base = utf8.baseAddress, utf8.count > 0, utf8.count < Int(Int32.max) else { return [] }
        guard utf8.contains(UInt8(ascii: "<")) else {
            return plainTextBlocks(String(decoding: utf8, as: UTF8.self))
        }
        // A form feed is HTML whitespace, but libxml2's parser drops it: "a\fb" would read "ab".
        if memchr(base, 0x0C, utf8.count) != nil {
            let spaced = utf8.map { $0 == 0x0C ? UInt8(ascii: " ") : $0 }
            return spaced.withUnsafeBufferPointer { blocks(utf8: $0, baseURL: baseURL) }
        }
        _ = libxmlReady
        let context = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
            htmlCreateMemoryParserCtxt($0, Int32(utf8.count))
        }
        guard let context, let sax = context.pointee.sax else { return [] }
        defer { htmlFreeParserCtxt(context) }
        sax.pointee = makeSAXHandler()
        var builder = Builder(baseURL: baseURL)
        withUnsafeMutablePointer(to: &builder) { builder in
            context.pointee.userData = UnsafeMutableRawPointer(builder)
            htmlCtxtUseOptions(context, options)
            xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
            htmlParseDocument(context)
        }
        builder.finish()
        return builder.blocks
    }

    /// SAX callbacks forwarding to the `Builder` passed as the parser's user data.
    private static func makeSAXHandler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: Builder.self).pointee.start(name, Attributes(pairs: attributes))
        }
        handler.endElement = { context, _ in
            context?.assumingMemoryBound(to: Builder.self).pointee.end()
        }
        handler.characters = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            context.assumingMemoryBound(to: Builder.self).pointee.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        // Whitespace between inline elements matters; script and style text arrives as CDATA.
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        return handler
    }

    /// Plain text: paragraphs separated by blank lines, each with its whitespace collapsed.
    static func plainTextBlocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [Substring] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            var joined = paragraph.joined(separator: " ")
            if joined.utf8.contains(UInt8(ascii: "&")) { joined = decodeCharacterReferences(joined) }
            let text = Prose.collapseWhitespace(TextSanitizer.clean(joined, keepNewlines: false))
            if !text.isEmpty { blocks.append(.paragraph([Span(text)])) }
            paragraph = []
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) { flush() } else { paragraph.append(line) }
        }
        flush()
        return blocks
    }

    /// `&amp;`, `&eacute;`, `&#233;`, `&#xE9;` decoded; unknown references are left as written.
    static func decodeCharacterReferences(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", let semicolon = scalars[(i + 1)...].prefix(32).firstIndex(of: ";") else {
                out.append(scalars[i])
                i += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
            if let decoded = decodeReference(name) {
                out.append(decoded)
                i = semicolon + 1
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    private static func decodeReference(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        }
        guard !name.isEmpty, name.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) })
        else { return nil }
        _ = libxmlReady
        return name.withCString { chars in
            chars.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) { bytes in
                htmlEntityLookup(bytes).flatMap { Unicode.Scalar($0.pointee.value) }
            }
        }
    }
}
