import Testing
@testable import TerminalUI

@Suite struct ColorPaletteTests {
    @Test func indexedToRGB() {
        #expect(Color.rgb(ofIndexed: 1) == (205, 0, 0))
        #expect(Color.rgb(ofIndexed: 16) == (0, 0, 0))
        #expect(Color.rgb(ofIndexed: 196) == (255, 0, 0))
        #expect(Color.rgb(ofIndexed: 166) == (215, 95, 0))
        #expect(Color.rgb(ofIndexed: 232) == (8, 8, 8))
        #expect(Color.rgb(ofIndexed: 255) == (238, 238, 238))
    }

    @Test func on256Colors() {
        #expect(Color.indexed(200).approximated(colorCount: 256) == .indexed(200))
        #expect(Color.rgb(255, 0, 0).approximated(colorCount: 256) == .indexed(196))
        #expect(Color.rgb(200, 80, 20).approximated(colorCount: 256) == .indexed(166))
        #expect(Color.rgb(48, 48, 48).approximated(colorCount: 256) == .indexed(236))
        #expect(Color.rgb(255, 255, 255).approximated(colorCount: 256) == .indexed(231))
        #expect(Color.default.approximated(colorCount: 256) == .default)
        // Every indexed colour's RGB value maps back to itself or an identical colour.
        for index in UInt8(16)...255 {
            let rgb = Color.rgb(ofIndexed: index)
            guard case .indexed(let back) = Color.rgb(rgb.red, rgb.green, rgb.blue)
                .approximated(colorCount: 256) else {
                Issue.record("not indexed")
                continue
            }
            #expect(Color.rgb(ofIndexed: back) == rgb)
        }
    }

    @Test func on8And16Colors() {
        #expect(Color.indexed(3).approximated(colorCount: 8) == .indexed(3))
        #expect(Color.indexed(9).approximated(colorCount: 8) == .indexed(1))
        #expect(Color.indexed(9).approximated(colorCount: 16) == .indexed(9))
        #expect(Color.indexed(196).approximated(colorCount: 16) == .indexed(9))
        #expect(Color.indexed(196).approximated(colorCount: 8) == .indexed(1))
        #expect(Color.indexed(236).approximated(colorCount: 8) == .indexed(0))
        #expect(Color.indexed(250).approximated(colorCount: 8) == .indexed(7))
        #expect(Color.rgb(255, 135, 0).approximated(colorCount: 8) == .indexed(3))
        #expect(Color.rgb(20, 20, 200).approximated(colorCount: 8) == .indexed(4))
    }

    @Test func withoutColors() {
        #expect(Color.indexed(3).approximated(colorCount: 0) == .default)
        #expect(Color.rgb(1, 2, 3).approximated(colorCount: 2) == .default)
    }

    @Test func directColor() {
        let direct = 1 << 24
        #expect(Color.rgb(1, 2, 3).approximated(colorCount: direct) == .rgb(1, 2, 3))
        #expect(Color.indexed(5).approximated(colorCount: direct) == .indexed(5))
        #expect(Color.indexed(196).approximated(colorCount: direct) == .rgb(255, 0, 0))
    }
}
