package org.liaison.feed.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each host's robots.txt, fetched once and kept for {@code keep}. A missing file (4xx) allows
 * everything; a server error or an unreachable host allows nothing for now (RFC 9309: assume
 * complete disallow), so the item is retried later rather than fetched against the site's will.
 */
public final class RobotsCache {

    private record Entry(RobotsTxt rules, long until) {
    }

    private final PageFetcher fetcher;
    private final String agent;
    private final Duration keep;
    private final Map<String, Entry> byHost = new ConcurrentHashMap<>();

    public RobotsCache(PageFetcher fetcher, String agent, Duration keep) {
        this.fetcher = fetcher;
        this.agent = agent;
        this.keep = keep;
    }

    /** Throws when robots.txt disallows the URL, or cannot be read for now. */
    public void check(URI uri) throws FetchFailure, InterruptedException {
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (!rules(uri).allows(path)) {
            throw new FetchFailure("robots.txt of " + uri.getHost() + " disallows " + path + " for " + agent, false);
        }
    }

    private RobotsTxt rules(URI uri) throws FetchFailure, InterruptedException {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        Entry e = byHost.get(origin);
        if (e != null && e.until > System.nanoTime()) {
            return e.rules;
        }
        PageFetcher.Page page;
        try {
            page = fetcher.get(URI.create(origin + "/robots.txt"), Map.of("Accept", "text/plain"));
        } catch (FetchFailure f) {
            throw new FetchFailure("robots.txt of " + uri.getHost() + " cannot be read (" + f.getMessage() + ")", true);
        }
        RobotsTxt rules;
        if (page.status() >= 200 && page.status() < 300) {
            rules = RobotsTxt.parse(new String(page.body(), StandardCharsets.UTF_8), agent);
        } else if (page.status() >= 400 && page.status() < 500) {
            rules = RobotsTxt.ALLOW_ALL;
        } else {
            throw new FetchFailure("robots.txt of " + uri.getHost() + " answered " + page.status(), true);
        }
        byHost.put(origin, new Entry(rules, System.nanoTime() + keep.toNanos()));
        return rules;
    }
}
