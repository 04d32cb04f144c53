import Foundation
import Testing
import TerminalUI

/// Compares `grid.snapshot()` with `Snapshots/<name>-<W>x<H>.txt` beside this file.
///
/// When the file is missing, or the environment has `RECORD_SNAPSHOTS=1`, the snapshot is
/// written and the test fails (so recording is always explicit); otherwise a mismatch fails
/// with a line diff.
func assertSnapshot(_ grid: CellGrid, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name)-\(grid.width)x\(grid.height).txt")
    let actual = grid.snapshot()
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot \(file.lastPathComponent); review it, then run again without RECORD_SNAPSHOTS",
                         sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    if expected != actual {
        let diff = lineDiff(expected, actual)
        Issue.record("Snapshot \(file.lastPathComponent) differs:\n\(diff)", sourceLocation: sourceLocation)
    }
}

/// A line diff of two texts: unchanged lines are skipped, changed ones shown as `-` (expected)
/// and `+` (actual) with their line numbers. Uses the longest common subsequence of lines.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
    // lcs[i][j]: length of the longest common subsequence of a[i...] and b[j...].
    var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
    }
    var out: [String] = []
    var i = 0, j = 0
    while i < a.count || j < b.count {
        if i < a.count, j < b.count, a[i] == b[j] {
            i += 1
            j += 1
        } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
            out.append("+\(j + 1): \(b[j])")
            j += 1
        } else {
            out.append("-\(i + 1): \(a[i])")
            i += 1
        }
    }
    return out.joined(separator: "\n")
}
