package org.liaison.feed.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the article path needs from a news page: the main text, by Readability4J (a port of
 * Mozilla's Readability, the reader view of Firefox: it scores the page's blocks by their text
 * and drops navigation, teasers and footers), kept as paragraphs; the title (og:title, else
 * &lt;title&gt;); the publication date (article:published_time and its kin, &lt;time
 * datetime&gt;, JSON-LD datePublished); the language (&lt;html lang&gt;, else Content-Language).
 */
public record ArticlePage(String title, LocalDate published, String language, String text) {

    private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td";

    /** Reads a fetched HTML page; {@code charset} from its Content-Type, or null (the page's own meta, else UTF-8). */
    public static ArticlePage read(byte[] html, String charset, String url) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(html), charset, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = firstNonBlank(meta(page, "meta[property=og:title]"), page.title());
        LocalDate published = published(page);
        String language = language(page);
        // Readability changes the document it reads: the metadata above is taken first
        Article article = new Readability4JExtended(url, page).parse();
        String text = article.getArticleContent() == null ? "" : paragraphs(article.getArticleContent());
        return new ArticlePage(firstNonBlank(title, article.getTitle()), published, language, text);
    }

    /** The content's blocks, one paragraph each (the extractor reads sentences and paragraphs, not markup). */
    static String paragraphs(Element content) {
        List<String> out = new ArrayList<>();
        for (Element block : content.select(BLOCKS)) {
            if (!block.children().select(BLOCKS).isEmpty()) {
                continue; // a block holding blocks: its inner ones are taken
            }
            String text = block.text().strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out.isEmpty() ? content.text().strip() : String.join("\n\n", out);
    }

    static LocalDate published(Document page) {
        for (String selector : List.of("meta[property=article:published_time]", "meta[name=article:published_time]",
                "meta[itemprop=datePublished]", "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=date]",
                "meta[name=DC.date.issued]")) {
            LocalDate d = date(meta(page, selector));
            if (d != null) {
                return d;
            }
        }
        Element time = page.selectFirst("time[datetime]");
        LocalDate d = time == null ? null : date(time.attr("datetime"));
        if (d != null) {
            return d;
        }
        for (Element script : page.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_DATE.matcher(script.data());
            if (m.find() && (d = date(m.group(1))) != null) {
                return d;
            }
        }
        return null;
    }

    static String language(Document page) {
        Element html = page.selectFirst("html");
        String lang = firstNonBlank(html == null ? null : html.attr("lang"), meta(page, "meta[http-equiv=content-language]"));
        return lang == null ? null : lang.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    /** The date at the start of an ISO-8601 date or date-time, or null. */
    static LocalDate date(String value) {
        if (value == null || value.strip().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String meta(Document page, String selector) {
        Element e = page.selectFirst(selector);
        return e == null ? null : e.attr("content");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
