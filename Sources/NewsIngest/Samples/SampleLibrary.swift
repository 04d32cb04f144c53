import Foundation
import NewsModel

/// Text pages bundled in the binary, for demos, first runs and tests: the shared seed page
/// (a real T4K3.news page) followed by eleven sample pages.
///
/// The sample pages are fiction: every place (Port Veldra, Millbrook Vale, Lake Orrin,
/// Hoshimi), person and outlet is invented, and every site line ends in "(sample)". They tell
/// three interlinked stories, the Harbor Bridge closure, the Lake Orrin drought and the Hoshimi
/// lantern makers, so that "Related News" titles resolve to other sample pages (some with
/// small wording differences, such as "in"/"at", "the", a curly apostrophe or a dropped emoji),
/// while one or two titles per page deliberately name no page and must stay unresolved.
///
/// Coverage of the page format: a page with CJK title and body, one with an emoji in its
/// title, one without Key Takeaways, one with neither takeaways nor highlights (its highlights
/// come from extraction), one without Related News, and one with repeated Highlights sections.
public enum SampleLibrary {
    /// Every bundled page as a file name and its text, the seed first.
    public static let pages: [(name: String, text: String)] =
        [seedPage] + harborBridgePages + lakeOrrinPages + lanternPages

    /// Every bundled page parsed. Each page is known to parse (the tests check it); a page that
    /// did not would be left out rather than stop the others.
    public static func articles() -> [Article] {
        pages.compactMap { try? TextPageParser.parse(Data($0.text.utf8), name: $0.name) }
    }
}
