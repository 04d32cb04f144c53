/// Sample story three: the sister-city pact with Hoshimi and the harbor lantern festival.
extension SampleLibrary {
    static let lanternPages: [(name: String, text: String)] = [
        // CJK title and body; an English alternate headline.
        (name: "sample-09-sister-city-pact.txt", text: #"""
        星見新聞 (sample)
        星見市とポート・ヴェルドラが姉妹都市協定に署名
        架空の港町、星見市とポート・ヴェルドラは、灯籠作りと港の文化交流を柱とする姉妹都市協定に署名した。

        Hoshimi and Port Veldra sign sister city pact
        星見市の市役所で十日、両市の市長が協定書に署名した。協定の期間は五年間で、灯籠職人の派遣や学生の交流を定めている。
        ポート・ヴェルドラ側は、秋の港の灯籠祭りに星見市の職人を招く計画を明らかにした。職人たちは祭りのために大きな灯籠を作る。
        Key Takeaways
        「港と港が灯りでつながる」
        星見市の高峰市長、署名式で
        「職人の技を若い世代に伝えたい」
        灯籠職人組合の代表
        両市は来年、共同で灯籠の展示会を開く予定だ。展示会は星見市の港で開かれる。
        Highlights
        - 港と港が灯りでつながる
        - 職人の技を若い世代に伝えたい
        交流の次の一歩
        最初の職人団は来月、船でポート・ヴェルドラに向かう。職人たちは祭りまでの三週間、現地の学校で灯籠作りを教える。
        両市の交流はまだ始まったばかりだ
        Related News

        Hoshimi lantern makers arrive in Port Veldra

        港の灯籠祭り、フェリーターミナルに会場を移す

        星見市長、来月欧州を訪問

        """#),
        (name: "sample-10-lantern-makers-arrive.txt", text: #"""
        Harbor Lights Daily (sample)
        Hoshimi lantern makers arrive in Port Veldra
        Twelve lantern makers from the fictional sister city of Hoshimi stepped off the morning ferry on Monday, carrying tools, paper and bamboo for the harbor festival.

        Lantern artisans from Hoshimi land in Port Veldra
        The group will spend three weeks in Port Veldra, teaching lantern making in four schools and building the large lanterns that will float in the harbor on the festival’s opening night.
        The visit is the first exchange under the sister city pact that the two cities signed last month. Port Veldra will send a group of boat builders to Hoshimi next spring.
        Key Takeaways
        “Paper, bamboo and patience are all we need”
        Lantern maker Aiko Fujimura
        “The children are already asking when they can start”
        Head teacher Sam Whitlow
        With the Harbor Bridge still closed to cars, the lantern makers will work in a shed at the ferry terminal, close to where the festival will now be held.
        Highlights
        - Twelve lantern makers arrived on the morning ferry
        - Lanterns will float in the harbor on opening night
        The festival programme will be published on Friday
        Related News

        星見市とポート・ヴェルドラが姉妹都市協定に署名

        Harbor lantern festival moves to ferry terminal

        Port Veldra closes Harbor Bridge after inspectors find cracks

        Hoshimi tea ceremony tour sold out

        """#),
        (name: "sample-11-festival-moves.txt", text: #"""
        Sample Gazette (sample)
        Harbor lantern festival moves to ferry terminal
        Port Veldra’s lantern festival will be held around the ferry terminal this year, because the Harbor Bridge will not be fully open in time.

        港の灯籠祭り、フェリーターミナルに会場を移す
        Lantern festival relocates while bridge is repaired
        The festival usually fills the park at the eastern end of the Harbor Bridge. Organisers said on Wednesday that the crowds would be too large for the narrow walkway, which is the only way across the bridge while the beams are replaced.
        The new site around the ferry terminal has room for forty stalls and a stage. The ferries will run every fifteen minutes on festival nights, and the lanterns made by the visiting makers from Hoshimi will float in the terminal basin.
        Key Takeaways
        "The harbor is the heart of this festival, bridge or no bridge"
        Festival director Juno Aldane
        "Moving forty stalls in three weeks is a challenge"
        Stallholder Kit Maren
        Some stallholders on the eastern shore worry that they will lose customers. The organisers have offered them free space at the new site.
        Highlights
        - The festival moves to the ferry terminal
        - Ferries will run every fifteen minutes on festival nights
        Getting there
        Extra buses will run from the old market square, and the city will close two streets near the terminal to traffic on festival nights.
        The festival opens in three weeks
        Enjoyed this? Let your friends know!
        Related News

        Hoshimi lantern makers arrive in Port Veldra

        Ferry operators add night crossings as Harbor Bridge stays shut

        Harbor Bridge reopens for walkers ahead of the lantern festival

        Fireworks ban considered for festival night

        """#),
    ]
}
