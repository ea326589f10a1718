package org.liaison.feed;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The polling loop: every tick (liaison.feeds.tick, default 10 s), and at once when a feed is
 * registered, it claims the due feeds and polls them, then claims the due articles and fetches
 * them, until none is due. Claims are made in the database ({@link FeedStore}), so several
 * instances on one database, or several rounds of one, never poll one feed or fetch one article
 * at the same time. One round runs at a time per instance; a wake-up during a round makes it go
 * round once more.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);
    /** Claims per round at most: a round ends even if a host keeps adding items. */
    static final int MAX_CLAIMS = 100;

    private final FeedStore store;
    private final FeedPoll feeds;
    private final ItemFetch items;
    private final FeedConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    Poller(FeedStore store, FeedPoll feeds, ItemFetch items, FeedConfig config) {
        this.store = store;
        this.feeds = feeds;
        this.items = items;
        this.config = config;
    }

    @Scheduled(every = "${liaison.feeds.tick:10s}", delayed = "${liaison.feeds.first-tick:5s}", identity = "feeds",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        round();
    }

    /** Polls soon, off the caller's thread (a feed was just registered or asked to be polled). */
    public void wake() {
        Infrastructure.getDefaultWorkerPool().execute(this::round);
    }

    private void round() {
        if (!config.enabled()) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                pollDue();
            } while (again.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // the database away, say: the next tick tries again
            LOG.warnf("Polling feeds stopped for this round: %s", e.getMessage());
        } finally {
            running.set(false);
        }
    }

    /**
     * Polls every due feed, then fetches every due article; returns the number of claims. Safe
     * to call from several threads and instances at once: each claim is someone's alone.
     */
    public int pollDue() throws InterruptedException {
        int claims = 0;
        for (List<FeedStore.Claimed> due; claims < MAX_CLAIMS
                && !(due = store.claimFeeds(config.batch(), config.lease()).await().atMost(FeedPoll.DB_WAIT)).isEmpty();) {
            for (FeedStore.Claimed feed : due) {
                feeds.poll(feed);
                claims++;
            }
        }
        for (List<FeedStore.ClaimedItem> due; claims < MAX_CLAIMS
                && !(due = store.claimItems(config.batch(), config.lease()).await().atMost(FeedPoll.DB_WAIT)).isEmpty();) {
            for (FeedStore.ClaimedItem item : due) {
                items.fetch(item);
                claims++;
            }
        }
        return claims;
    }
}
