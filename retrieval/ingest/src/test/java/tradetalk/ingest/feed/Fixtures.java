package tradetalk.ingest.feed;

/** Pages and feeds for the feed tests. */
final class Fixtures {

    private Fixtures() {}

    static final String TRUCE = """
            Negotiators from the United States and China agreed on Tuesday to extend their tariff truce by ninety \
            days, officials in both capitals said after two days of talks in Geneva.

            The extension keeps the lower tariff rates in place while the two sides work on a broader agreement \
            covering farm purchases, export controls on advanced chips and market access for financial firms.

            Treasury officials described the meeting as constructive, while the Chinese commerce ministry said \
            differences remained on technology restrictions and on the pace of purchases of American soybeans.""";

    static final String SOYBEANS = """
            Chinese importers booked the largest purchase of American soybeans in more than a year, traders said, \
            a sign that Beijing is following through on commitments made during the latest round of trade talks.

            The cargoes are due to ship from Gulf Coast ports in the coming months, and analysts expect further \
            purchases of corn and sorghum if the negotiations on tariffs continue to make progress this autumn.

            Farm groups welcomed the news but warned that prices remain below the levels seen before the dispute.""";

    static final String NEW_ROUND = """
            A new round of trade talks between Washington and Beijing will open next month in London, the \
            commerce ministry announced, with export controls on semiconductors expected to top the agenda.

            Officials said both delegations would be led by senior ministers, and that the talks would also cover \
            fentanyl enforcement, shipping fees on Chinese vessels and the remaining tariffs on consumer goods.""";

    static final String BAKERY = """
            A family bakery on the corner of Main Street won the regional bread award for the third year in a row, \
            the judges announced on Saturday, praising its sourdough and its rye loaves above all other entries.

            The owners said they would celebrate with free pastries for every customer who visits this weekend and \
            thanked their neighbours for years of loyal support through good times and hard ones alike.""";

    /** An article page with Open Graph metadata and furniture around the text. */
    static String page(String title, String site, String date, String body) {
        StringBuilder paras = new StringBuilder();
        for (String p : body.split("\n\n")) {
            paras.append("<p>").append(p.strip()).append("</p>\n");
        }
        return """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>%s</title>
                <meta property="og:title" content="%s">
                <meta property="og:site_name" content="%s">
                <meta property="article:published_time" content="%s">
                </head><body>
                <nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>%s</h1>
                %s</article>
                <footer>Copyright the outlet</footer>
                </body></html>
                """.formatted(title, title, site, date, title, paras);
    }

    /** An RSS 2.0 feed; each item is {guid, link, title, description, pubDate}. */
    static String rss(String title, String[]... items) {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>%s</title><link>http://127.0.0.1/</link>
                <description>test feed</description>
                """.formatted(title));
        for (String[] i : items) {
            b.append("<item><guid isPermaLink=\"false\">")
                    .append(i[0])
                    .append("</guid><link>")
                    .append(i[1].replace("&", "&amp;"))
                    .append("</link><title>")
                    .append(i[2])
                    .append("</title><description><![CDATA[")
                    .append(i[3])
                    .append("]]></description><pubDate>")
                    .append(i[4])
                    .append("</pubDate></item>\n");
        }
        return b.append("</channel></rss>\n").toString();
    }

    /** An Atom feed; each entry is {id, link, title, summary, updated}. */
    static String atom(String title, String[]... entries) {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>%s</title><id>urn:test:%s</id>
                <updated>2025-05-14T10:00:00Z</updated>
                """.formatted(title, title.hashCode()));
        for (String[] e : entries) {
            b.append("<entry><id>")
                    .append(e[0])
                    .append("</id><link href=\"")
                    .append(e[1].replace("&", "&amp;"))
                    .append("\"/><title>")
                    .append(e[2])
                    .append("</title><summary>")
                    .append(e[3])
                    .append("</summary><updated>")
                    .append(e[4])
                    .append("</updated></entry>\n");
        }
        return b.append("</feed>\n").toString();
    }
}
