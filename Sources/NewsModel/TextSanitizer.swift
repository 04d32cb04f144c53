/// Cleans text from feeds and pages so it can never drive a terminal.
///
/// Removes C0 and C1 control characters (keeping `\n`; tabs, vertical tabs and form feeds
/// become spaces, so the words they separate stay apart), whole escape sequences (CSI, OSC,
/// DCS, SOS, PM, APC and two-byte ESC sequences), bidi overrides and isolates, and the
/// zero-width joiner (terminals and ncurses disagree on its width).
public enum TextSanitizer {
    /// Returns `text` with control characters and escape sequences removed.
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        // Fast path: nothing to do for plain printable text.
        if !text.unicodeScalars.contains(where: needsWork) { return text }
        var out = String.UnicodeScalarView()
        var it = Array(text.unicodeScalars)[...]
        while let s = it.popFirst() {
            switch s.value {
            case 0x1B: // ESC: drop the whole sequence
                skipEscape(&it)
            case 0x9B: // C1 CSI
                skipCSI(&it)
            case 0x90, 0x9D, 0x98, 0x9E, 0x9F: // C1 DCS, OSC, SOS, PM, APC
                skipString(&it)
            case 0x09, 0x0B, 0x0C:
                out.append(" ")
            case 0x0A:
                out.append(keepNewlines ? "\n" : " ")
            case 0x0D:
                // CR LF is a line end; a lone CR (an overwrite trick) becomes a space.
                if it.first?.value == 0x0A { continue }
                out.append(keepNewlines ? "\n" : " ")
            default:
                if !isDropped(s) { out.append(s) }
            }
        }
        return String(out)
    }

    private static func needsWork(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || isDropped(s)
    }

    /// Whether `clean` removes `s`: C0 and C1 controls, DEL, ZWJ, bidi and annotation controls.
    static func isDropped(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x200D: return true // ZWJ
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true // bidi controls
        case 0xFFF9...0xFFFB: return true // interlinear annotation controls
        default: return false
        }
    }

    private static func skipEscape(_ it: inout ArraySlice<Unicode.Scalar>) {
        guard let next = it.first else { return }
        switch next {
        case "[": it.removeFirst(); skipCSI(&it)
        case "]", "P", "X", "^", "_": it.removeFirst(); skipString(&it)
        default:
            // Two-byte sequence (ESC c, ESC 7, ESC ( B …): drop intermediates and the final.
            while let c = it.first, (0x20...0x2F).contains(c.value) { it.removeFirst() }
            if let c = it.first, (0x30...0x7E).contains(c.value) { it.removeFirst() }
        }
    }

    private static func skipCSI(_ it: inout ArraySlice<Unicode.Scalar>) {
        while let c = it.popFirst() {
            if (0x40...0x7E).contains(c.value) { return }
            if c.value < 0x20 || c.value > 0x7E { return }
        }
    }

    /// Skips to the string terminator (BEL, ESC \, or C1 ST).
    private static func skipString(_ it: inout ArraySlice<Unicode.Scalar>) {
        while let c = it.popFirst() {
            if c.value == 0x07 || c.value == 0x9C { return }
            if c.value == 0x1B {
                if it.first == "\\" { it.removeFirst() }
                return
            }
        }
    }
}
