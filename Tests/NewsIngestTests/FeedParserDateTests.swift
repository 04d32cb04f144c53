import Foundation
import Testing
@testable import NewsIngest

/// The date parser against RFC 822 and ISO 8601 forms found in real feeds.
@Suite struct FeedParserDateTests {
    /// (text, expected UTC as `YYYY-MM-DDTHH:MM:SSZ`, or nil when unparseable)
    static let table: [(String, String?)] = [
        // RFC 822 / 1123
        ("Wed, 24 May 2017 21:28:28 +0000", "2017-05-24T21:28:28Z"),
        ("Fri, 21 Oct 2016 06:00:00 +0200", "2016-10-21T04:00:00Z"),
        ("Tue, 16 May 2017 15:35:04 +0530", "2017-05-16T10:05:04Z"),
        ("Fri, 30 Aug 2019 13:00:00 -0000", "2019-08-30T13:00:00Z"),
        ("Tue, 5 Apr 2022 15:31:04 +0000", "2022-04-05T15:31:04Z"),
        ("Tue, 12 May 2020 15:00:00 +05:30", "2020-05-12T09:30:00Z"),
        // named zones
        ("Mon, 30 Sep 2002 01:56:02 GMT", "2002-09-30T01:56:02Z"),
        ("Fri, 20 Feb 2015 09:51:15 UTC", "2015-02-20T09:51:15Z"),
        ("Sat, 01 Jan 2000 00:00:00 UT", "2000-01-01T00:00:00Z"),
        ("Thu, 07 May 2020 07:36:53 Z", "2020-05-07T07:36:53Z"),
        ("Tue, 20 Dec 2011 11:28:17 EST", "2011-12-20T16:28:17Z"),
        ("Tue, 12 May 2020 15:00:00 EDT", "2020-05-12T19:00:00Z"),
        ("Fri, 05 Oct 2007 09:00:00 CST", "2007-10-05T15:00:00Z"),
        ("Fri, 05 Oct 2007 09:00:00 PDT", "2007-10-05T16:00:00Z"),
        ("Fri, 05 Oct 2007 09:00:00 PST", "2007-10-05T17:00:00Z"),
        ("Fri, 05 Oct 2007 09:00:00 GMT+02:00", "2007-10-05T07:00:00Z"),
        // unknown names count as UTC (feedparser's rule)
        ("Fri, 17 May 2019 06:00:00 BST", "2019-05-17T06:00:00Z"),
        // military zones
        ("Tue, 12 May 2020 15:00:00 A", "2020-05-12T16:00:00Z"),
        ("Tue, 12 May 2020 15:00:00 N", "2020-05-12T14:00:00Z"),
        ("Tue, 12 May 2020 15:00:00 M", "2020-05-13T03:00:00Z"),
        ("Tue, 12 May 2020 15:00:00 Y", "2020-05-12T03:00:00Z"),
        // real-world variants
        ("12 May 2020 15:00:00 GMT", "2020-05-12T15:00:00Z"),              // no weekday
        ("Fri 1 Oct 2010 01:30:00 GMT", "2010-10-01T01:30:00Z"),           // no comma
        ("Thu, 07 Dec 17 07:00:00 -0800", "2017-12-07T15:00:00Z"),         // 2-digit year
        ("Wed, 12 May 99 15:00:00 GMT", "1999-05-12T15:00:00Z"),           // 2-digit 90s year, wrong weekday
        ("Sat, 12 May 2020 15:00:00 GMT", "2020-05-12T15:00:00Z"),         // wrong weekday
        ("Tue,  12   May 2020   15:00:00   GMT", "2020-05-12T15:00:00Z"),  // extra spaces
        ("Tue, 12 May 2020 15:00 GMT", "2020-05-12T15:00:00Z"),            // no seconds
        ("Tue, 12 May 2020 15:00:00", "2020-05-12T15:00:00Z"),             // no zone: UTC
        ("Tue, 12 May 2020", "2020-05-12T00:00:00Z"),                      // date only
        ("Tue, 12 May 2020 3:0:0 GMT", "2020-05-12T03:00:00Z"),            // 1-digit fields
        ("Fri, 16 June 2006 10:30:00 GMT", "2006-06-16T10:30:00Z"),        // full month name
        ("Sun, 12 August 2012 10:00:00 EST", "2012-08-12T15:00:00Z"),
        ("Friday, January 29, 2021 04:42 PM", "2021-01-29T16:42:00Z"),     // long form, 12-hour
        ("Tue May 12 15:00:00 2020", "2020-05-12T15:00:00Z"),              // asctime
        ("Tue May 12 15:00:00 EDT 2020", "2020-05-12T19:00:00Z"),
        // ISO 8601 / RFC 3339
        ("2017-06-27T00:54:17Z", "2017-06-27T00:54:17Z"),
        ("2012-04-12T17:12:31-07:00", "2012-04-13T00:12:31Z"),
        ("2012-12-15T01:40:21.973924-05:00", "2012-12-15T06:40:21Z"),       // fraction
        ("2018-11-06T23:29:55.503Z", "2018-11-06T23:29:55Z"),
        ("2020-05-12T15:00:00.123+0530", "2020-05-12T09:30:00Z"),            // zone without colon
        ("2016-06-01T07:00", "2016-06-01T07:00:00Z"),                        // no seconds, no zone
        ("2001-01-04T00:00+00:00", "2001-01-04T00:00:00Z"),
        ("2006-01-17T12:35:1+01:00", "2006-01-17T11:35:01Z"),                // 1-digit seconds
        ("2006-01-11 16:42:47 -0800", "2006-01-12T00:42:47Z"),               // space separators
        ("2023-12-16", "2023-12-16T00:00:00Z"),                              // date only
        ("2020-05", "2020-05-01T00:00:00Z"),
        ("20200512T150000Z", "2020-05-12T15:00:00Z"),                        // basic format
        ("2020-05-12T24:00:00Z", "2020-05-13T00:00:00Z"),                    // end of day
        ("2020-02-29T12:00:00Z", "2020-02-29T12:00:00Z"),                    // leap day
        ("  2020-05-12T15:00:00Z \n", "2020-05-12T15:00:00Z"),               // whitespace
        // not dates
        ("", nil),
        ("yesterday", nil),
        ("Fri, 05/03/2019 - 15:21", nil),
        ("Seg, 24 Set 2018 19:18:49 -0300", nil),                            // Portuguese names
        ("Tue, 31 Feb 2020 00:00:00 GMT", nil),                              // no such day
        ("Tue, 12 May 2020 25:00:00 GMT", nil),
        ("2019-02-29T00:00:00Z", nil),                                       // not a leap year
        ("2020-13-01", nil),
    ]

    @Test func table() {
        for (text, expected) in Self.table {
            let parsed = FeedDate.parse(text).map(FeedDate.iso8601)
            #expect(parsed == expected, "\(text.debugDescription)")
        }
    }

    @Test func formatting() {
        #expect(FeedDate.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(FeedDate.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(FeedDate.iso8601(utc(2038, 1, 19, 3, 14, 8)) == "2038-01-19T03:14:08Z")
        #expect(FeedDate.iso8601(utc(1900, 3, 1)) == "1900-03-01T00:00:00Z")
    }

    @Test func lastDateElementWins() throws {
        let feed = try FeedFixtures.parse(xml: """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item>
            <pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate><dc:date>2002-02-02T02:02:02Z</dc:date>
            </item></channel></rss>
            """)
        #expect(feed.entries.first?.published == utc(2001, 1, 1))
        #expect(feed.entries.first?.updated == utc(2002, 2, 2, 2, 2, 2))
        #expect(feed.entries.first?.date == utc(2001, 1, 1))
    }
}
