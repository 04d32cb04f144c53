import Testing
@testable import TerminalUI

/// DisplayWidth against glibc's own wcwidth (captured in `Generated/GlibcWcwidth.swift`),
/// for every Unicode scalar.
@Suite struct GlibcAgreementTests {
    @Test func everyScalarAgreesWithGlibc() {
        var mismatches: [String] = []
        let runs = glibcWcwidthRuns
        for run in stride(from: 0, to: runs.count, by: 2) {
            let first = UInt32(runs[run])
            let last = run + 2 < runs.count ? UInt32(runs[run + 2]) - 1 : 0x10FFFF
            let glibc = Int(runs[run + 1])
            for value in first...last {
                guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
                let ours = DisplayWidth.of(scalar)
                let agrees: Bool
                if glibc >= 0 {
                    agrees = ours == glibc && !DisplayWidth.isUnassigned(scalar)
                } else if DisplayWidth.isControl(scalar) {
                    agrees = ours == 0   // controls: never drawn, counted as nothing
                } else {
                    agrees = DisplayWidth.isUnassigned(scalar) && ours == 1  // drawn as U+FFFD
                }
                if !agrees, mismatches.count < 20 {
                    mismatches.append("U+\(String(value, radix: 16, uppercase: true)): \(ours), glibc \(glibc)")
                }
            }
        }
        #expect(mismatches == [])
    }
}
