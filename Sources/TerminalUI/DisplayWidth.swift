/// Display width of text in terminal columns, as ncursesw and the terminal compute it.
///
/// ncursesw advances the cursor by the sum of glibc `wcwidth` over the scalars it is given, and
/// terminals (tmux included) agree for everything but ZWJ sequences. So width is measured per
/// scalar with tables generated from the Unicode data glibc uses (`Generated/`), never with
/// `String.count`:
/// - 2 for East Asian Wide and Fullwidth characters (CJK, emoji with emoji presentation);
/// - 0 for combining marks, format characters (ZWJ, U+200B…), Hangul medial and final jamo;
/// - 0 for control characters (C0, C1, U+2028, U+2029): they are never stored in a grid;
/// - 1 for everything else, including code points unassigned in the table's Unicode version
///   (the grid draws those as U+FFFD so ncursesw and the terminal agree on them).
public enum DisplayWidth {
    /// Columns one scalar takes: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if v == 0x2028 || v == 0x2029 { return 0 }
        if v < 0x300 { return 1 }  // Latin-1 and Latin extensions: no zero-width or wide scalar
        if contains(v, in: zeroWidthRanges) { return 0 }
        if contains(v, in: wideRanges) { return 2 }
        return 1
    }

    /// Columns a string takes: the sum over its scalars.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Returns the longest prefix of `text` that fits in `width` columns, ending in `ellipsis`
    /// when something was cut. A wide glyph that would straddle the limit is left out, so the
    /// result may be one column narrower than `width`. When even the ellipsis does not fit, the
    /// text is cut without one. Cut text comes back as the grid would draw it (controls and ZWJ
    /// removed, unassigned scalars as U+FFFD); text that fits comes back unchanged.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        let keepEllipsis = ellipsisWidth <= width
        let budget = keepEllipsis ? width - ellipsisWidth : width
        var out = String.UnicodeScalarView()
        var used = 0
        for cluster in ColumnClusters(text) {
            if used + cluster.width > budget { break }
            used += cluster.width
            out.append(contentsOf: cluster.scalars)
        }
        return keepEllipsis ? String(out) + ellipsis : String(out)
    }

    /// Returns `text` made exactly `width` columns wide: padded with spaces, or cut (without an
    /// ellipsis, and padded again if a wide glyph did not fit) when it is too long.
    public static func pad(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let current = of(text)
        if current == width { return text }
        if current < width { return text + String(repeating: " ", count: width - current) }
        let cut = truncate(text, to: width, ellipsis: "")
        return cut + String(repeating: " ", count: width - of(cut))
    }

    /// Returns `text` made exactly `width` columns wide: cut with `ellipsis` when too long,
    /// then padded with spaces. The tool for aligned columns.
    public static func fit(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        pad(truncate(text, to: width, ellipsis: ellipsis), to: width)
    }

    /// True when the scalar is unassigned in the tables' Unicode version (wcwidth returns -1).
    static func isUnassigned(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v >= 0x378 && contains(v, in: unassignedRanges)
    }

    /// True for the scalars that never reach a grid: C0 and C1 controls, DEL, U+2028, U+2029.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0x2028 || v == 0x2029
    }

    /// Binary search in a flat [first, last, first, last, …] table of inclusive ranges.
    private static func contains(_ value: UInt32, in table: [UInt32]) -> Bool {
        var low = 0
        var high = table.count / 2  // number of ranges
        while low < high {
            let mid = (low + high) / 2
            if value > table[2 * mid + 1] {
                low = mid + 1
            } else if value < table[2 * mid] {
                high = mid
            } else {
                return true
            }
        }
        return false
    }
}
