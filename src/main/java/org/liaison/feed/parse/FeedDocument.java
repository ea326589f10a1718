package org.liaison.feed.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article links of a fetched feed: RSS (0.9x, 1.0, 2.0) and Atom by ROME, which tells the
 * format apart by itself; a listing page by jsoup, its links (made absolute) that contain the
 * feed's link pattern. ROME finds its parsers and converters by name in its rome.properties;
 * they are registered here for the native image, which includes that file
 * (quarkus.native.resources.includes).
 */
@RegisterForReflection(targets = {
        com.rometools.rome.io.impl.RSS090Parser.class, com.rometools.rome.io.impl.RSS091NetscapeParser.class,
        com.rometools.rome.io.impl.RSS091UserlandParser.class, com.rometools.rome.io.impl.RSS092Parser.class,
        com.rometools.rome.io.impl.RSS093Parser.class, com.rometools.rome.io.impl.RSS094Parser.class,
        com.rometools.rome.io.impl.RSS10Parser.class, com.rometools.rome.io.impl.RSS20wNSParser.class,
        com.rometools.rome.io.impl.RSS20Parser.class, com.rometools.rome.io.impl.Atom10Parser.class,
        com.rometools.rome.io.impl.Atom03Parser.class, com.rometools.rome.io.impl.SyModuleParser.class,
        com.rometools.rome.io.impl.DCModuleParser.class,
        com.rometools.rome.feed.synd.impl.ConverterForAtom10.class, com.rometools.rome.feed.synd.impl.ConverterForAtom03.class,
        com.rometools.rome.feed.synd.impl.ConverterForRSS090.class, com.rometools.rome.feed.synd.impl.ConverterForRSS091Netscape.class,
        com.rometools.rome.feed.synd.impl.ConverterForRSS091Userland.class, com.rometools.rome.feed.synd.impl.ConverterForRSS092.class,
        com.rometools.rome.feed.synd.impl.ConverterForRSS093.class, com.rometools.rome.feed.synd.impl.ConverterForRSS094.class,
        com.rometools.rome.feed.synd.impl.ConverterForRSS10.class, com.rometools.rome.feed.synd.impl.ConverterForRSS20.class,
        com.rometools.rome.feed.module.DCModuleImpl.class, com.rometools.rome.feed.module.SyModuleImpl.class })
public final class FeedDocument {

    /** The most links taken from one fetch: a listing page of a whole site is not a feed. */
    public static final int MAX_LINKS = 500;

    private FeedDocument() {
    }

    /** The entries of an RSS or Atom document; IllegalArgumentException (with why) when it is neither. */
    public static List<FeedLink> syndication(byte[] body, URI base) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput(false, java.util.Locale.ROOT); // not validating; doctypes refused (no XXE)
            input.setXmlHealerOn(true);
            feed = input.build(new org.xml.sax.InputSource(new ByteArrayInputStream(body)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSS or Atom feed: " + firstLine(e.getMessage()));
        }
        Map<String, FeedLink> links = new LinkedHashMap<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = entry.getLink() != null ? entry.getLink() : entry.getUri();
            if (link == null || link.isBlank() || links.size() >= MAX_LINKS) {
                continue;
            }
            String absolute = absolute(base, link.strip());
            if (absolute != null) {
                Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
                links.putIfAbsent(absolute, new FeedLink(absolute, entry.getTitle() == null ? null : entry.getTitle().strip(),
                        date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC)));
            }
        }
        return new ArrayList<>(links.values());
    }

    /** The links of a listing page that contain {@code pattern}, in page order, each once. */
    public static List<FeedLink> listing(byte[] body, String charsetHint, URI base, Pattern pattern) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(body), charsetHint, base.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, FeedLink> links = new LinkedHashMap<>();
        for (Element a : page.select("a[href]")) {
            String url = a.absUrl("href");
            if (!url.isEmpty() && pattern.matcher(url).find() && links.size() < MAX_LINKS) {
                String title = a.text().strip();
                links.putIfAbsent(url, new FeedLink(url, title.isEmpty() ? null : title, null));
            }
        }
        return new ArrayList<>(links.values());
    }

    private static String absolute(URI base, String link) {
        try {
            return base.resolve(new URI(link)).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null; // one unreadable link does not spoil the feed
        }
    }

    static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse("unreadable");
    }
}
