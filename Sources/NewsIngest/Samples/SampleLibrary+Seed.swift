/// The shared seed page, verbatim (`/work/shared/seeds/000_592e6f81161ab51e.txt`): a real
/// T4K3.news page, the model of the page format. Credit: the Herald project's shared seed.
extension SampleLibrary {
    static let seedPage: (name: String, text: String) = (
        name: "000_592e6f81161ab51e.txt",
        text: #"""
        T4K3.news
        Russia seeks veto in Ukraine security guarantees
        Lavrov says Moscow must be involved with China in any guarantees for Ukraine, risking a veto over Kyiv’s defense.

        Lavrov says any guarantee for Ukraine must include Moscow and China, threatening a veto over future defense of Kyiv
        Russia demands veto in Ukraine security guarantees
        Russia has said it will only back security guarantees for Ukraine if Moscow can veto any future moves to defend Kyiv. Foreign Minister Sergei Lavrov argued that a truly secure package must involve Russia and its ally China alongside the United States, the United Kingdom and France. Ukraine has rejected any agreement that gives Russia the power to block support from other countries.
        US officials have tried to frame recent talks as leading toward an Article 5 like guarantee, but Lavrov's comments complicate that stance. The remarks came as Western diplomats weigh a broader framework involving Kyiv, Moscow and Beijing, and as the EU cautions that any deal must strengthen Ukraine's military posture. Kremlin officials have not confirmed reports that President Putin will attend a direct summit, while hopes for a trilateral peace process fade.
        Key Takeaways
        "We cannot agree with the fact that it is now proposed to resolve collective security issues without the Russian Federation"
        Lavrov on Russia's role in guarantees
        "This will not work"
        Lavrov dismissing Europe’s approach
        "the first time we had ever heard the Russians agree to that"
        Steve Witkoff on a potential breakthrough
        "involving China is a WTF moment"
        EU diplomat’s reaction to China's role
        Russia’s insistence on veto power signals a strategy to keep influence over any security guarantees for Ukraine. The move could centralize decision making in Moscow and Beijing, potentially alienating Kyiv’s Western backers and slowing any quick peace. The clash over who can defend Kyiv will test how far Western powers are willing to go to protect Ukraine without inviting a new blocking power.
        China’s involvement highlights a broader geostrategic shift. If Beijing plays a role, the guarantees could become a wider security framework with new limits on Ukraine’s options. This raises questions about neutrality versus deterrence and how to keep negotiations alive without rewarding Moscow’s blocking power. Observers say the talks will hinge on durable promises and credible enforcement.
        Highlights
        - We cannot agree with the fact that it is now proposed to resolve collective security issues without the Russian Federation
        - This will not work
        - the first time we had ever heard the Russians agree to that
        - involving China is a WTF moment
        High stakes over security guarantees
        The demand for a Russian veto and a China-backed framework raises the risk of deadlock and undercuts a unified Western position. This could complicate negotiations and public reactions in several countries.
        The next moves will reveal how far diplomacy can bend without breaking Ukraine’s security
        Enjoyed this? Let your friends know!
        Related News

        Russia demands veto on Ukraine security guarantees

        Starmer and Trump clash on Ukraine NATO membership

        Ukraine security talks risk uncertain path

        Alaska summit updates

        Nordic Baltic bloc backs Ukraine sovereignty after Alaska talks

        Ukraine security guarantees discussed in Washington

        Ukraine seeks security guarantees at Alaska summit with Trump and Putin

        Putin Trump Alaska Summit and Ukraine security

        """#
    )
}
