import Testing
@testable import NewsIngest

/// Title keys and similarity for tolerant related-title matching.
@Suite struct TextPageTitleMatchTests {
    @Test func inAndOnGiveTheSameKey() {
        let on = TitleMatch.key("Russia demands veto on Ukraine security guarantees")
        #expect(on == TitleMatch.key("Russia demands veto in Ukraine security guarantees"))
        #expect(on == "russia demands veto ukraine security guarantees")
    }

    @Test(arguments: [
        ("The Harbor Bridge’s “Cracks” — Explained!", "harbor bridges cracks explained"),
        ("Harbor Bridge's cracks, explained", "harbor bridges cracks explained"),
        ("Café Müller reopens", "cafe muller reopens"),
        ("ＦＵＬＬ－ＷＩＤＴＨ Ｔｉｔｌｅ", "full width title"),
        ("💧 Farmers in Millbrook Vale switch to drip irrigation", "farmers millbrook vale switch drip irrigation"),
        ("  Six-week   plan\tfor the bridge ", "six week plan bridge"),
        ("The A", ""),
        ("U.S. and U.K. agree", "us uk agree"),
        ("“Russia’s Veto, in Ukraine!”", "russias veto ukraine"),
        ("Вымышленск открыл мост", "вымышленск открыл мост"),
        ("", ""),
    ])
    func keys(title: String, key: String) {
        #expect(TitleMatch.key(title) == key)
    }

    @Test func cjkKeysIgnorePunctuationOnly() {
        let a = TitleMatch.key("港の灯籠祭り、フェリーターミナルに会場を移す")
        #expect(a == TitleMatch.key("港の灯籠祭り フェリーターミナルに会場を移す"))
        #expect(a != TitleMatch.key("港の灯籠祭り、フェリーターミナルに会場を移さず"))
    }

    @Test func similarity() {
        #expect(TitleMatch.similarity("Harbor Bridge repair plan wins council vote",
                                      "Harbor Bridge repair plan wins the council vote") == 1)
        let near = TitleMatch.similarity("Harbor Bridge repair plan wins council vote",
                                         "Council backs Harbor Bridge repair plan")
        #expect(near > 0.5 && near < 1)
        #expect(TitleMatch.similarity("Harbor Bridge repair plan wins council vote", "Lake Orrin falls to record low") == 0)
        #expect(TitleMatch.similarity("", "anything") == 0)
        let cjk = TitleMatch.similarity("港の灯籠祭り、フェリーターミナルに会場を移す", "港の灯籠祭り、会場を移す")
        #expect(cjk > 0.3 && cjk < 1)
        #expect(TitleMatch.similarity("a b", "b a") == TitleMatch.similarity("b a", "a b"))
    }
}
