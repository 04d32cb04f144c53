/// Splits text into the units that occupy grid cells, the way ncursesw does.
///
/// A unit is one scalar that takes columns followed by the zero-width scalars that combine with
/// it, up to the four that an ncursesw cell (`cchar_t`, `CCHARW_MAX` = 5) can hold; further
/// ones are dropped. Control characters are skipped, ZWJ is removed (terminals and ncursesw
/// disagree on its sequences), zero-width scalars with nothing to combine with are dropped, and
/// unassigned scalars are replaced by U+FFFD.
struct ColumnClusters: Sequence {
    /// One unit: the scalars to draw, the columns they take (1 or 2), and the scalar offsets
    /// in the source text where the unit starts and ends (end exclusive, trailing dropped
    /// scalars included).
    struct Cluster {
        var scalars: String.UnicodeScalarView
        var width: Int
        var start: Int
        var end: Int
        var text: String { String(scalars) }
    }

    /// Most zero-width scalars kept with one spacing scalar.
    static let maxCombining = 4

    let text: String

    init(_ text: String) { self.text = text }

    func makeIterator() -> Iterator { Iterator(text.unicodeScalars) }

    struct Iterator: IteratorProtocol {
        private let scalars: String.UnicodeScalarView
        private var index: String.UnicodeScalarView.Index
        private var offset = 0

        init(_ scalars: String.UnicodeScalarView) {
            self.scalars = scalars
            self.index = scalars.startIndex
        }

        mutating func next() -> Cluster? {
            // Find the next scalar that takes columns; drop controls and orphaned zero-width ones.
            var base: Unicode.Scalar?
            var width = 0
            while index < scalars.endIndex, base == nil {
                let scalar = scalars[index]
                let w = DisplayWidth.of(scalar)
                if w > 0 {
                    base = DisplayWidth.isUnassigned(scalar) ? "\u{FFFD}" : scalar
                    width = w
                }
                advance()
            }
            guard let base else { return nil }
            let start = offset - 1
            var cluster = Cluster(scalars: String.UnicodeScalarView(), width: width,
                                  start: start, end: offset)
            cluster.scalars.append(base)
            var combining = 0
            while index < scalars.endIndex {
                let scalar = scalars[index]
                guard DisplayWidth.of(scalar) == 0 else { break }
                if !DisplayWidth.isControl(scalar), scalar.value != 0x200D,
                   combining < ColumnClusters.maxCombining {
                    cluster.scalars.append(scalar)
                    combining += 1
                }
                advance()
            }
            cluster.end = offset
            return cluster
        }

        private mutating func advance() {
            scalars.formIndex(after: &index)
            offset += 1
        }
    }
}
