package org.liaison.feed;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Watched feeds (README: "Watching news feeds"). */
@ConfigMapping(prefix = "liaison.feeds")
public interface FeedConfig {

    /** Poll at all (off for {@code liaison migrate}). */
    @WithDefault("true")
    boolean enabled();

    /** How often the poller looks for due feeds and articles (read by Poller's @Scheduled, with the same default). */
    @WithDefault("10s")
    String tick();

    /** The first tick after start. */
    @WithDefault("5s")
    String firstTick();

    /**
     * Fetch from loopback, private, link-local and unique-local addresses. Off (the SSRF rule)
     * except on the embedded default run, a local trial (EmbeddedDatabaseConfigSource), dev mode
     * and the tests.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Hosts fetched whatever they resolve to (an intranet news mirror, say). */
    Optional<Set<String>> allowHosts();

    /** The whole of one request: connect, answer and body. */
    @WithDefault("20s")
    Duration timeout();

    /** A larger feed or page is refused. */
    @WithDefault("2M")
    MemorySize maxBodySize();

    @WithDefault("5")
    int maxRedirects();

    /** At least this long between two requests to one host, from one instance. */
    @WithDefault("1s")
    Duration hostInterval();

    /** The first pause after a failure; each further failure doubles it, up to retry-max. */
    @WithDefault("1m")
    Duration retryFirst();

    @WithDefault("6h")
    Duration retryMax();

    /** Attempts at one article before it is given up (it stays listed, failed, with its reason). */
    @WithDefault("8")
    int maxAttempts();

    /** Sent as User-Agent; its first word is the product token robots.txt groups are matched against. */
    @WithDefault("Liaison/1.0 (news feed reader of a Liaison service)")
    String userAgent();

    /** Feeds, then items, claimed per statement. */
    @WithDefault("10")
    int batch();

    /** How long a claim holds: an instance that dies while polling leaves its feed or item to another after this. */
    @WithDefault("10m")
    Duration lease();
}
