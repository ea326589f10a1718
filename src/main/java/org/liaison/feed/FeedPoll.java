package org.liaison.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.liaison.feed.fetch.CanonicalUrl;
import org.liaison.feed.fetch.FetchFailure;
import org.liaison.feed.fetch.PageFetcher;
import org.liaison.feed.fetch.RobotsCache;
import org.liaison.feed.parse.FeedDocument;
import org.liaison.feed.parse.FeedLink;

/**
 * One poll of one claimed feed: robots.txt, a conditional GET, the links read and stored as new
 * items. Every failure is recorded on the feed (and logged, one line) and retried with back-off;
 * it never reaches the other feeds of the round.
 */
@ApplicationScoped
class FeedPoll {

    private static final Logger LOG = Logger.getLogger(FeedPoll.class);
    static final Duration DB_WAIT = Duration.ofSeconds(60);

    private final FeedStore store;
    private final PageFetcher fetcher;
    private final RobotsCache robots;
    private final FeedConfig config;

    FeedPoll(FeedStore store, PageFetcher fetcher, RobotsCache robots, FeedConfig config) {
        this.store = store;
        this.fetcher = fetcher;
        this.robots = robots;
        this.config = config;
    }

    void poll(FeedStore.Claimed feed) throws InterruptedException {
        try {
            URI uri = CanonicalUrl.parse(feed.url());
            robots.check(uri);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", feed.kind().equals("listing") ? "text/html,application/xhtml+xml"
                    : "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5");
            if (feed.etag() != null) {
                headers.put("If-None-Match", feed.etag());
            }
            if (feed.lastModified() != null) {
                headers.put("If-Modified-Since", feed.lastModified());
            }
            PageFetcher.Page page = fetcher.get(uri, headers);
            if (page.status() == 304) {
                store.unchanged(feed.id()).await().atMost(DB_WAIT);
                return;
            }
            if (page.status() != 200) {
                throw new FetchFailure("the feed answered HTTP " + page.status(), true);
            }
            List<FeedLink> links = feed.kind().equals("listing")
                    ? FeedDocument.listing(page.body(), charset(page.contentType()), page.uri(), Pattern.compile(feed.linkPattern()))
                    : FeedDocument.syndication(page.body(), page.uri());
            int added = store.polled(feed.id(), items(links), page.etag(), page.lastModified()).await().atMost(DB_WAIT);
            LOG.debugf("Feed %s (%s): %d links, %d new", feed.id(), feed.url(), links.size(), added);
        } catch (FetchFailure | IllegalArgumentException e) {
            failed(feed, e.getMessage());
        } catch (RuntimeException e) {
            failed(feed, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The links normalised, each once (the same article under two links is one item). */
    static List<FeedStore.NewItem> items(List<FeedLink> links) {
        Map<String, FeedStore.NewItem> out = new LinkedHashMap<>();
        for (FeedLink l : links) {
            try {
                String url = CanonicalUrl.of(l.url());
                out.putIfAbsent(url, new FeedStore.NewItem(url, l.url(), l.title(), l.published()));
            } catch (IllegalArgumentException notHttp) {
                // a mailto: or javascript: link is no article
            }
        }
        return List.copyOf(out.values());
    }

    private void failed(FeedStore.Claimed feed, String reason) {
        LOG.warnf("Feed %s (%s) could not be polled: %s; it is tried again with back-off", feed.id(), feed.url(), reason);
        store.pollFailed(feed.id(), reason, config.retryFirst(), config.retryMax()).await().atMost(DB_WAIT);
    }

    /** The charset parameter of a Content-Type, or null. */
    static String charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                String c = p.substring("charset=".length()).replace("\"", "").strip();
                return java.nio.charset.Charset.isSupported(c) ? c : null;
            }
        }
        return null;
    }
}
