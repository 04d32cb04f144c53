import NewsIngest
import Testing

/// Headline references that name a stored title with small changes of wording.
@Suite struct RelatedHeadlineTests {
    @Test func oneWordReplacedAddedOrDroppedStillNamesTheHeadline() {
        let seed = "Russia seeks veto in Ukraine security guarantees"
        #expect(HeadlineReference.match("Russia demands veto on Ukraine security guarantees", seed) != nil)
        #expect(HeadlineReference.match("Russia seeks veto in Ukraine security guarantees", seed) == 1)
        #expect(HeadlineReference.match("Russia seeks a veto over Ukraine’s security guarantees", seed) != nil)
        #expect(HeadlineReference.match("Russia seeks veto in Ukraine security guarantees talks", seed) != nil)
        #expect(HeadlineReference.match("Ukraine security guarantees: Russia seeks veto", seed) == 1, "order does not matter")
    }

    @Test func twoChangesOrTooFewSharedWordsNameAnotherHeadline() {
        #expect(HeadlineReference.match("Russia demands veto on Ukraine peace talks",
                                        "Russia seeks veto in Ukraine security guarantees") == nil)
        #expect(HeadlineReference.match("Alaska summit updates", "Alaska summit live") == nil)
        #expect(HeadlineReference.match("The", "The") == nil, "no words, nothing to match")
    }

    @Test func searchWordsSplitWhereTheSearchIndexDoes() {
        #expect(HeadlineReference.searchWords(of: "Kyiv’s U.S. envoy meets the press") == ["kyiv", "envoy", "meets", "press"])
        #expect(HeadlineReference.words(of: "Kyiv’s U.S. envoy meets the press") == ["kyivs", "us", "envoy", "meets", "press"])
    }

    /// Sharing a variant is exactly the match rule, so a stored reference can be found by its
    /// variants when the article it names arrives.
    @Test func variantsMeetExactlyWhenHeadlinesMatch() {
        let titles = [
            "Russia seeks veto in Ukraine security guarantees",
            "Russia demands veto on Ukraine security guarantees",
            "Russia demands veto on Ukraine peace talks",
            "Ukraine security guarantees discussed in Washington",
            "Security guarantees for Ukraine discussed in Washington talks",
            "Alaska summit updates", "Alaska summit live", "Alaska summit updates today",
            "Harbor Bridge repair plan wins council vote", "Council backs Harbor Bridge repair plan",
            "Harbor Bridge repair plan wins vote",
        ]
        for a in titles {
            for b in titles {
                let share = !Set(HeadlineReference.variants(of: a)).isDisjoint(with: HeadlineReference.variants(of: b))
                let matches = HeadlineReference.match(a, b) != nil
                    && Set(HeadlineReference.words(of: a)).count >= HeadlineReference.minimumSharedWords
                #expect(share == matches, "\(a) | \(b)")
            }
        }
        #expect(HeadlineReference.variants(of: "Alaska summit updates") == ["alaska summit updates"])
        #expect(HeadlineReference.variants(of: "Summit") == [])
    }
}
