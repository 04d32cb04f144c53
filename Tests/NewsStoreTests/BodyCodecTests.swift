import Foundation
import NewsModel
import Testing
@testable import NewsStore

@Suite struct BodyCodecTests {
    /// One block of every kind, with edge values: empty strings, nil and non-nil optionals,
    /// negative integers, non-ASCII text.
    static let everyKind: [Block] = [
        .heading(level: 1, text: "Russia demands veto"),
        .paragraph([Span("Plain "), Span("linked", link: "https://example.org/a"),
                    Span(" emphasised", emphasis: true), Span("both", link: "https://x.test/?q=1&b=2", emphasis: true)]),
        .paragraph([]),
        .quote([Span("“This will not work”")], attribution: "Lavrov"),
        .quote([Span("No attribution")], attribution: nil),
        .listItem([Span("first")], depth: 0, number: 1),
        .listItem([Span("nested bullet")], depth: 2, number: nil),
        .listItem([Span("negative")], depth: -1, number: -5),
        .preformatted("let x = 1\n    indented\n"),
        .image(alt: "A map", url: "https://example.org/map.png"),
        .image(alt: "", url: nil),
        .table([["Year", "Value"], ["2024", "日本語ニュース"], []]),
        .rule,
        .paragraph([Span("Emoji 👍🏽 and Кириллица, combining e\u{301}")]),
    ]

    @Test func everyBlockKindSurvivesARoundTrip() throws {
        let encoded = BodyCodec.encode(Self.everyKind)
        #expect(try BodyCodec.decode(encoded) == Self.everyKind)
        #expect(try BodyCodec.blocks(stored: BodyCodec.pack(encoded, using: Deflater())) == Self.everyKind)
        #expect(try BodyCodec.decode([]) == [])
        // The codec keeps any text exactly, even what the store's cleaning would remove.
        let raw: [Block] = [paragraph("nul \u{0} and escape \u{1B}[2J")]
        #expect(try BodyCodec.decode(BodyCodec.encode(raw)) == raw)
    }

    @Test func largeBodiesAreDeflatedAndSmallOnesAreNot() throws {
        let large = (0..<40).map { paragraph("Paragraph \($0) of a long article about harbours, railways and weather.") }
        let encoded = BodyCodec.encode(large)
        let packed = BodyCodec.pack(encoded, using: Deflater())
        #expect(packed.first == 1)
        #expect(packed.count < encoded.count / 2)
        #expect(try BodyCodec.blocks(stored: packed) == large)

        let small = BodyCodec.encode([paragraph("Short.")])
        #expect(BodyCodec.pack(small, using: Deflater()) == [0] + small)
    }

    @Test func oneDeflaterPacksManyBodies() throws {
        let deflater = Deflater()
        for count in [40, 3, 120, 0, 60] {
            let blocks = (0..<count).map { paragraph("Paragraph \($0) of body \(count), with some repeated words words words.") }
            #expect(try BodyCodec.blocks(stored: BodyCodec.pack(BodyCodec.encode(blocks), using: deflater)) == blocks)
        }
    }

    @Test func damagedBodiesThrowInsteadOfTrapping() throws {
        let encoded = BodyCodec.encode(Self.everyKind)
        var failures = 0
        for length in 0..<encoded.count {
            do { _ = try BodyCodec.decode(Array(encoded[..<length])) } catch { failures += 1 }
        }
        #expect(failures > encoded.count / 2, "most truncations are detected")
        #expect(throws: BodyCodecError.self) { try BodyCodec.decode([99]) }
        #expect(throws: BodyCodecError.self) { try BodyCodec.unpack([7, 1, 2]) }
        #expect(throws: BodyCodecError.self) { try BodyCodec.unpack([]) }
        // A deflated body whose stream is damaged, or whose stated size is absurd.
        let long = BodyCodec.encode((0..<40).map { paragraph("Paragraph \($0) text text text") })
        var packed = BodyCodec.pack(long, using: Deflater())
        packed[packed.count / 2] ^= 0xFF
        #expect(throws: BodyCodecError.self) { try BodyCodec.unpack(packed) }
        #expect(throws: BodyCodecError.self) { try BodyCodec.unpack([1, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 1, 2]) }
    }
}
