package org.liaison.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds and news pages built from the development corpus (src/test/resources/corpus/dev), as a
 * news site would serve them: the article's paragraphs in an &lt;article&gt; between navigation,
 * a "most read" box and a footer, its title and date in the head. Every year is moved 30 years
 * back, so that the exchanges they report are not the demo data's records of the same events
 * (nor other tests' records).
 */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern YEAR = Pattern.compile("\\b(20[0-3]\\d)\\b");

    record Article(String id, String title, String published, String language, String text) {
    }

    private Fixtures() {
    }

    static Article article(String id) {
        try {
            JsonNode a = JSON.readTree(Path.of("src/test/resources/corpus/dev/" + id + ".json").toFile());
            String published = a.hasNonNull("published") ? shifted(a.get("published").asText()) : null;
            return new Article(id, shifted(a.get("title").asText()), published, a.get("language").asText(),
                    shifted(a.get("text").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shifted(String text) {
        Matcher m = YEAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group(1)) - 30));
        }
        return m.appendTail(out).toString();
    }

    static String page(Article a) {
        StringBuilder p = new StringBuilder();
        for (String para : a.text().split("\n+")) {
            if (!para.isBlank()) {
                p.append("<p>").append(escape(para.strip())).append("</p>\n");
            }
        }
        return "<!DOCTYPE html><html lang=\"" + a.language() + "\"><head><meta charset=\"utf-8\"><title>" + escape(a.title())
                + " | Test Outlet</title><meta property=\"og:title\" content=\"" + escape(a.title()) + "\">"
                + (a.published() == null ? "" : "<meta property=\"article:published_time\" content=\"" + a.published()
                        + "T08:00:00+07:00\">")
                + "</head><body><header><nav><a href=\"/\">Home</a> | <a href=\"/politics\">Politics</a> | "
                + "<a href=\"/world\">World</a> | <a href=\"/sports\">Sports</a></nav></header><main><article><h1>"
                + escape(a.title()) + "</h1>\n" + p + "</article><aside><h3>Most read</h3><ul>"
                + "<li><a href=\"/w\">Rain expected in the north</a></li><li><a href=\"/f\">Football: cup final tonight</a></li>"
                + "</ul></aside></main><footer><p>© Test Outlet. All rights reserved.</p></footer></body></html>";
    }

    record Item(String title, String link, String published) {
    }

    static String rss(List<Item> items) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Test Outlet</title><link>http://127.0.0.1/</link><description>news</description>");
        for (Item i : items) {
            x.append("<item><title>").append(escape(i.title())).append("</title><link>").append(escape(i.link())).append("</link>");
            if (i.published() != null) {
                x.append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
                        .format(LocalDate.parse(i.published()).atStartOfDay().atOffset(ZoneOffset.UTC))).append("</pubDate>");
            }
            x.append("</item>");
        }
        return x.append("</channel></rss>").toString();
    }

    static String atom(List<Item> items) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Test Outlet</title><id>urn:test:feed</id><updated>2003-12-13T18:30:02Z</updated>");
        int n = 0;
        for (Item i : items) {
            x.append("<entry><title>").append(escape(i.title())).append("</title><link href=\"").append(escape(i.link()))
                    .append("\"/><id>urn:test:").append(n++).append("</id><updated>2003-12-13T18:30:02Z</updated></entry>");
        }
        return x.append("</feed>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
