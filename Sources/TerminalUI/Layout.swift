/// Splitting rectangles into rows and columns.

/// How much of a split one part takes, in columns (horizontal split) or rows (vertical split).
public enum LayoutConstraint: Hashable, Sendable {
    /// Exactly this many cells.
    case fixed(Int)
    /// This percentage of the whole (rounded down).
    case percent(Int)
    /// At least this many cells, plus a share of the space left over.
    case min(Int)
    /// A share of the space left over.
    case fill
}

/// Splits rectangles by constraints.
public enum Layout {
    /// Splits `rect` into side-by-side columns, left to right, one per constraint.
    public static func split(_ rect: Rect, horizontal widths: [LayoutConstraint]) -> [Rect] {
        var x = rect.x
        return sizes(widths, total: rect.width).map { width in
            defer { x += width }
            return Rect(x: x, y: rect.y, width: width, height: rect.height)
        }
    }

    /// Splits `rect` into stacked rows, top to bottom, one per constraint.
    public static func split(_ rect: Rect, vertical heights: [LayoutConstraint]) -> [Rect] {
        var y = rect.y
        return sizes(heights, total: rect.height).map { height in
            defer { y += height }
            return Rect(x: rect.x, y: y, width: rect.width, height: height)
        }
    }

    /// Sizes for the constraints within `total` cells.
    ///
    /// Each part first gets its base size (`fixed` n, `percent` of the total, `min` n, `fill`
    /// 0); when the bases do not fit, earlier parts keep theirs and later ones shrink, down to
    /// zero. The space left over is shared equally by the `min` and `fill` parts, earlier parts
    /// taking the remainder cells; with no such part it stays unused at the end.
    static func sizes(_ constraints: [LayoutConstraint], total: Int) -> [Int] {
        var remaining = max(0, total)
        var sizes = constraints.map { constraint -> Int in
            let base: Int
            switch constraint {
            case .fixed(let n): base = n
            case .percent(let p): base = max(0, total) * Swift.min(Swift.max(p, 0), 100) / 100
            case .min(let n): base = n
            case .fill: base = 0
            }
            let size = Swift.min(Swift.max(0, base), remaining)
            remaining -= size
            return size
        }
        let flexible = constraints.indices.filter {
            switch constraints[$0] {
            case .min, .fill: return true
            case .fixed, .percent: return false
            }
        }
        guard !flexible.isEmpty, remaining > 0 else { return sizes }
        let share = remaining / flexible.count
        let extra = remaining % flexible.count
        for (rank, index) in flexible.enumerated() {
            sizes[index] += share + (rank < extra ? 1 : 0)
        }
        return sizes
    }
}
