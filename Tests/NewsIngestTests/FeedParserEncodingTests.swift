import Foundation
import Testing
@testable import NewsIngest

/// Byte-order marks, wide encodings, declared legacy charsets and common mislabels.
@Suite struct FeedParserEncodingTests {
    @Test(arguments: [
        ("utf16le-bom.xml", "Ünïcödé 16", "日本語のニュース", "Grüße aus Köln"),
        ("utf16be-bom.xml", "Big endian", "Ελληνικά νέα", "Καλημέρα"),
        ("koi8r.xml", "Новости", "Привет, мир", "Русский текст"),
        ("windows1251.xml", "Новини", "Київ сьогодні", "Українська мова"),
        ("iso8859-1.xml", "Café Zürich", "Crème brûlée", "Ça va très bien"),
        ("big5.xml", "新聞", "台北天氣", "繁體中文"),
    ])
    func declaredEncodings(file: String, title: String, item: String, body: String) throws {
        let feed = try FeedFixtures.parse(file)
        #expect(!feed.bozo)
        #expect(feed.title == title)
        #expect(feed.entries.first?.title == item)
        #expect(feed.entries.first?.contentText == body)
    }

    @Test func utf8WithBOM() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Bom ✓</title></channel></rss>"
        let feed = try FeedParser.parse(Data([0xEF, 0xBB, 0xBF] + Array(xml.utf8)))
        #expect(feed.title == "Bom ✓")
    }

    @Test func utf32WithBOM() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-32\"?><rss><channel><title>Wide ✓</title></channel></rss>"
        var bytes: [UInt8] = [0xFF, 0xFE, 0, 0]
        for scalar in xml.unicodeScalars {
            let v = scalar.value
            bytes += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), 0]
        }
        let feed = try FeedParser.parse(Data(bytes))
        #expect(feed.title == "Wide ✓")
        // The same without a BOM.
        #expect(try FeedParser.parse(Data(bytes.dropFirst(4))).title == "Wide ✓")
    }

    @Test func latin1DeclaredAsUTF8IsReadAsWindows1252() throws {
        let feed = try FeedFixtures.parse("latin1-declared-utf8.xml")
        #expect(feed.bozo)
        #expect(feed.title == "Café au lait")
        #expect(feed.entries.first?.title == "München")
    }

    @Test func strayInvalidByteInUTF8IsReplaced() throws {
        var bytes = Array("<rss><channel><title>Größe ok</title><item><title>bad ".utf8)
        bytes.append(0xFF)
        bytes += Array(" byte – still here</title></item></channel></rss>".utf8)
        let feed = try FeedParser.parse(Data(bytes))
        #expect(feed.bozo)
        #expect(feed.title == "Größe ok")
        #expect(feed.entries.first?.title == "bad \u{FFFD} byte – still here")
    }

    @Test func doubleEncodedUTF8IsRepaired() throws {
        // "Köln" encoded to UTF-8, read as Latin-1 and encoded to UTF-8 again.
        let feed = try FeedFixtures.parse(xml: "<rss><channel><item><title>KÃ¶ln Â£5</title></item></channel></rss>")
        #expect(feed.entries.first?.title == "Köln £5")
    }

    @Test func windows1252PunctuationInLatin1() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>".utf8)
            + [0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80] + Array("</title></channel></rss>".utf8)
        let feed = try FeedParser.parse(Data(bytes))
        #expect(feed.title == "\u{201C}q\u{201D} \u{2013} \u{20AC}")
    }

    @Test func unknownDeclaredEncodingFallsBackToUTF8() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"no-such-charset\"?><rss><channel><title>테스트</title></channel></rss>"
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.title == "테스트")
        #expect(feed.bozo)
    }
}
