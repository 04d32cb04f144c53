// Fuzz target for `TextSanitizer.clean`: its output must never be able to drive a terminal.
//
// The first input byte picks `keepNewlines`; the rest is decoded as UTF-8 (invalid bytes become
// U+FFFD, exactly as feed text reaches the sanitizer). A violated property traps, which
// libFuzzer reports as a crash and saves as a reproducer.

import NewsModel

/// Returns the first scalar in `text` that the sanitizer promises never to emit, if any.
func forbiddenScalar(in text: String, keepNewlines: Bool) -> Unicode.Scalar? {
    text.unicodeScalars.first { s in
        if s.value == 0x0A { return !keepNewlines }
        if isTerminalControl(s) { return true }
        switch s.value {
        case 0x200D: return true // ZWJ
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true // bidi
        case 0xFFF9...0xFFFB: return true // interlinear annotation controls
        default: return false
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextSanitizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let keepNewlines = data[0] & 1 == 0
    let input = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let cleaned = TextSanitizer.clean(input, keepNewlines: keepNewlines)
    if let bad = forbiddenScalar(in: cleaned, keepNewlines: keepNewlines) {
        fatalError("clean() let U+\(hex(bad.value)) through: \(cleaned.debugDescription)")
    }
    // Cleaning is idempotent: clean text is left exactly as it is.
    expect(TextSanitizer.clean(cleaned, keepNewlines: keepNewlines) == cleaned,
           "clean() is not idempotent on \(cleaned.debugDescription)")
    // Sanitizing only removes or replaces; it never grows text beyond its input.
    expect(cleaned.unicodeScalars.count <= input.unicodeScalars.count, "clean() grew the text")
    return 0
}
