package org.liaison.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import org.liaison.feed.fetch.AddressPolicy;
import org.liaison.feed.fetch.HostPacing;
import org.liaison.feed.fetch.PageFetcher;
import org.liaison.feed.fetch.RobotsCache;

/** The fetching classes (plain classes of feed/fetch, which knows nothing of the configuration) as set up by it. */
@ApplicationScoped
public class FetchBeans {

    /** robots.txt is read again after this long. */
    static final Duration ROBOTS_KEPT = Duration.ofHours(1);

    @Produces
    @Singleton
    AddressPolicy addresses(FeedConfig config) {
        return new AddressPolicy(config.allowPrivateAddresses(), config.allowHosts().orElse(Set.of()));
    }

    @Produces
    @Singleton
    PageFetcher fetcher(FeedConfig config, AddressPolicy addresses) {
        return new PageFetcher(addresses, new HostPacing(config.hostInterval()), config.timeout(),
                (int) Math.min(Integer.MAX_VALUE - 8, config.maxBodySize().asLongValue()), config.maxRedirects(), config.userAgent());
    }

    @Produces
    @Singleton
    RobotsCache robots(FeedConfig config, PageFetcher fetcher) {
        return new RobotsCache(fetcher, config.userAgent().split("[/ ]")[0], ROBOTS_KEPT);
    }
}
