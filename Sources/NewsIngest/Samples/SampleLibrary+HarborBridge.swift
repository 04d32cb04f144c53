/// Sample story one: the Harbor Bridge of Port Veldra closes, is repaired, and reopens to walkers.
extension SampleLibrary {
    static let harborBridgePages: [(name: String, text: String)] = [
        (name: "sample-01-harbor-bridge-closes.txt", text: #"""
        Sample Gazette (sample)
        Port Veldra closes Harbor Bridge after inspectors find cracks
        The fictional harbour city of Port Veldra shut its main bridge on Monday after a routine inspection found cracks in two support beams.

        Harbor Bridge shut as cracks found in support beams
        City engineers closed the Harbor Bridge to all traffic at six in the morning, hours after inspectors reported hairline cracks in two of the steel beams that hold up the eastern span. About forty thousand vehicles cross the bridge on a normal weekday, and police spent the morning turning drivers back towards the ring road.
        Mayor Ines Calloway said the closure would last at least until engineers understood how the cracks formed. The city has asked the ferry companies to add crossings, and buses will run a shuttle to the ferry terminal from the old market square.
        Key Takeaways
        "Safety comes first, even when it is inconvenient"
        Mayor Ines Calloway on the closure
        "We found the cracks early, and that is the good news"
        Chief inspector Rafe Dunmore
        "My commute just doubled overnight"
        A delivery driver at the ring road
        The closure shows how much of Port Veldra depends on a single crossing. Businesses on the eastern shore fear a long shutdown, while engineers warn that a rushed repair could cost more later.
        The city council will meet on Thursday to discuss the repair plan and its cost. Residents have been asked to leave their cars at home where they can.
        Highlights
        - Safety comes first, even when it is inconvenient
        - About forty thousand vehicles cross the bridge on a normal weekday
        - Buses will shuttle commuters to the ferry terminal
        What happens next
        Engineers will take samples from the cracked beams this week and send them to a laboratory for testing. A first report is expected within ten days.
        The bridge will stay closed until the city is sure it is safe
        Enjoyed this? Let your friends know!
        Related News

        Ferry operators add night crossings as Harbor Bridge stays shut

        Engineers trace the Harbor Bridge cracks to 1970s steel batch

        Harbor Bridge repair plan wins council vote

        Port Veldra mayor announces re-election bid

        """#),
        (name: "sample-02-night-ferries.txt", text: #"""
        Riverbend Courier (sample)
        Ferry operators add night crossings as Harbor Bridge stays shut
        Two ferry companies in the fictional city of Port Veldra will run boats through the night while the Harbor Bridge is closed for repairs.

        Night ferries launched for stranded Port Veldra commuters
        Bluewater Ferries and the smaller Gull Line said on Tuesday that they would add crossings every thirty minutes between ten at night and five in the morning. Until now the last boat left the western pier at half past nine.
        The companies expect to carry three times their usual number of passengers while the Harbor Bridge is shut. Extra staff have been hired from neighbouring ports, and the city has agreed to pay for fuel on the night routes.
        Key Takeaways
        “Nobody should be stuck on the wrong side of the water”
        Bluewater Ferries director Mira Osei
        “We have doubled the crews on every boat”
        Gull Line captain Tomas Reyne
        Night crossings are a stopgap, not a solution. The ferries can carry passengers and bicycles, but not the lorries that supply the eastern shore.
        Highlights
        - Crossings every thirty minutes through the night
        - Nobody should be stuck on the wrong side of the water
        Cyclists welcome
        Both companies will carry bicycles free of charge until the bridge reopens, and the Gull Line has removed seats on two boats to make room for them.
        Queues at the western pier were short on the first night
        Share this article
        Related News

        Port Veldra closes Harbor Bridge after inspectors find cracks

        Harbor lantern festival moves to the ferry terminal

        Commuter rail fares frozen for winter

        """#),
        // Repeated Highlights (and Key Takeaways) sections.
        (name: "sample-03-repair-plan-vote.txt", text: #"""
        Sample Gazette (sample)
        Harbor Bridge repair plan wins council vote
        Port Veldra’s council approved a six-week plan to replace the cracked beams of the Harbor Bridge, at a cost of 4.2 million crowns.

        Council backs six-week Harbor Bridge repair plan
        The fictional city’s council voted nine to four on Thursday evening for the plan drawn up by city engineers. Work will start next Monday, and the contractor will be paid a bonus if the bridge reopens early.
        The plan replaces both cracked beams and strengthens four others from the same period. Pedestrians may be allowed back on the bridge before cars, the engineers said.
        Highlights
        - The council voted nine to four for the plan
        - Work starts next Monday
        Key Takeaways
        "Six weeks is tight, but it is possible"
        City engineer Ada Stone on the timetable
        "We are paying for decades of delay"
        Councillor Bram Okafor, who voted against
        Critics on the council argued that the beams should have been replaced years ago. Supporters said the plan was the fastest safe option on the table.
        The cost
        The 4.2 million crowns will come from the city’s reserve fund. The council will ask the regional government to cover half of the cost.
        Highlights
        - The plan costs 4.2 million crowns
        - Pedestrians may return before cars
        Enjoyed this? Let your friends know!
        Related News

        Engineers trace Harbor Bridge cracks to 1970s steel batch

        Ferry operators add night crossings as Harbor Bridge stays shut

        Harbor Bridge reopens to walkers ahead of lantern festival

        Council budget talks stall over road tax

        """#),
        // No Key Takeaways: the highlights are bullets only.
        (name: "sample-04-steel-batch.txt", text: #"""
        Northwind Ledger (sample)
        Engineers trace Harbor Bridge cracks to 1970s steel batch
        Laboratory tests show that the cracked beams of Port Veldra’s Harbor Bridge came from a single batch of steel made in 1974.

        Steel from 1974 behind Harbor Bridge’s cracks, engineers say
        The tests, carried out at the fictional Northwind Institute of Materials, found tiny pockets of slag inside the steel of both cracked beams. Over fifty years of traffic, the pockets grew into the cracks that inspectors found last week.
        City records show that six other beams on the bridge came from the same batch. Engineers now plan to replace all eight beams instead of two, which could add a week to the repairs.
        "The steel did exactly what bad steel does," said Professor Lena Varga, who led the tests. "It held for decades, and then it started to tire."
        Highlights
        - The cracked beams came from a single 1974 batch of steel
        - Six more beams from the same batch will be replaced
        - The repair could take one week longer
        A wider check
        The regional roads agency has asked every city in the region to check bridges built in the 1970s for steel from the same mill. The mill closed in 1988.
        Questions remain about why earlier inspections missed the flaw
        Related News

        Port Veldra closes the Harbor Bridge after inspectors find cracks

        Council backs six-week Harbor Bridge repair plan

        Steelworks museum opens new wing

        """#),
        // Neither Key Takeaways nor Highlights: its highlights come from extraction.
        (name: "sample-05-walkers-return.txt", text: #"""
        Harbor Lights Daily (sample)
        Harbor Bridge reopens for walkers ahead of lantern festival
        Pedestrians and cyclists can cross Port Veldra’s Harbor Bridge again from Saturday, two weeks before the harbor lantern festival.

        Walkers back on Harbor Bridge as beam work continues
        City engineers opened a fenced walkway along the western edge of the bridge on Saturday morning. Cars and lorries will stay off the bridge until all eight beams have been replaced, which the city now expects by the end of next month.
        "Walking across this morning felt like getting the city back," said Dara Quinn, a baker who lives on the eastern shore. She had been taking the night ferry to her shop for three weeks.
        The walkway is open from six in the morning until midnight. According to the city engineer, the fenced path is wide enough for the festival crowds expected later this month.
        The lantern makers from Hoshimi, who arrived last week, plan to hang a row of paper lanterns along the walkway for the opening night of the festival. "We want people to cross the water under the lights," one of the lantern makers told reporters.
        Why walkers first
        Engineers said that the weight of people on foot is a small fraction of the weight of traffic, so the walkway is safe while work continues below. Inspectors will check the walkway every morning before it opens.
        The full reopening date depends on the delivery of the last two beams
        Enjoyed this? Let your friends know!
        Related News

        Harbor Bridge repair plan wins council vote

        Hoshimi lantern makers arrive at Port Veldra

        Steel from 1974 behind Harbor Bridge's cracks, engineers say

        Lantern festival ticket prices announced

        """#),
    ]
}
