/// Sample story two: the Lake Orrin drought in Millbrook Vale.
extension SampleLibrary {
    static let lakeOrrinPages: [(name: String, text: String)] = [
        (name: "sample-06-lake-orrin-record-low.txt", text: #"""
        Riverbend Courier (sample)
        Lake Orrin falls to record low as Millbrook Vale rations water
        The lake that supplies the fictional Millbrook Vale region has dropped to its lowest level since records began, and households now face daily limits.

        Millbrook Vale limits water use as Lake Orrin shrinks
        The water board measured Lake Orrin at 3.1 metres below its usual summer level on Wednesday. From Friday, each household may use no more than 150 litres a day, and garden hoses are banned until further notice.
        Farmers have been told to cut irrigation by a third. The board said that it would check meters weekly and fine the worst offenders.
        Key Takeaways
        "We have never seen the lake this low"
        Water board chair Hal Brennick
        "A third less water means a smaller harvest, simple as that"
        Orchard grower Nell Ashby
        The rationing will test a region that has grown quickly on cheap, plentiful water. Some farms are already trying new ways to water their crops.
        Highlights
        - Lake Orrin is 3.1 metres below its usual summer level
        - Households are limited to 150 litres a day
        - Farmers must cut irrigation by a third
        How long it could last
        Forecasters expect little rain before the autumn. The board will review the limits every two weeks.
        The lake will need a wet winter to recover
        Related News

        Farmers in Millbrook Vale switch to drip irrigation

        Rain returns to Lake Orrin but rationing stays

        Millbrook Vale reservoir plan delayed again

        """#),
        // An emoji in the title; related titles elsewhere leave it out.
        (name: "sample-07-drip-irrigation.txt", text: #"""
        Northwind Ledger (sample)
        💧 Farmers in Millbrook Vale switch to drip irrigation
        With water rationed, growers in the fictional Millbrook Vale are laying thin pipes that drip water straight onto the roots of their trees.

        Drip irrigation spreads across Millbrook Vale farms
        More than sixty farms in the valley have ordered drip systems since the water board cut irrigation by a third, according to the local farmers’ union. Suppliers say they have sold out of pipe until next month.
        Drip systems use about half the water of sprinklers, because less of it evaporates in the sun. They cost about 900 crowns per hectare to install.
        Key Takeaways
        “Every drop now goes where the tree can use it”
        Orchard grower Nell Ashby
        “We should have done this ten years ago”
        Farmers’ union secretary Piet Olander
        Highlights
        - Drip systems use about half the water of sprinklers
        - More than sixty farms have ordered drip systems
        Help with the cost
        The regional government will pay a third of the cost for small farms. Applications open next week.
        Growers hope the savings will last beyond the drought
        Related News

        Lake Orrin falls to a record low as Millbrook Vale rations water

        Rain returns to Lake Orrin, but rationing stays

        Orchard growers face labour shortage

        """#),
        // No Related News.
        (name: "sample-08-rain-returns.txt", text: #"""
        Sample Gazette (sample)
        Rain returns to Lake Orrin but rationing stays
        Two days of storms raised Lake Orrin by forty centimetres, but the water board says the limits on households in the fictional Millbrook Vale will stay.

        Millbrook Vale keeps water limits despite storms
        Heavy rain fell across the valley on Sunday and Monday, flooding some roads and filling garden barrels that had stood empty all summer. The lake rose by forty centimetres, its first rise since May.
        The water board said the lake was still 2.7 metres below its usual level. "One wet weekend does not end a drought," said Hal Brennick, who chairs the board.
        Key Takeaways
        "One wet weekend does not end a drought"
        Water board chair Hal Brennick
        "The farms needed this rain more than anyone"
        Orchard grower Nell Ashby
        Households will keep the limit of 150 litres a day for at least another month. Farmers who installed drip systems say the rain has given their trees a welcome break.
        Highlights
        - The lake rose by forty centimetres
        - Limits stay for at least another month
        The board will review the limits again in four weeks

        """#),
    ]
}
