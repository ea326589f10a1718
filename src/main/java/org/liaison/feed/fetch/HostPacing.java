package org.liaison.feed.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The per-host rate limit: requests to one host (and port) are at least {@code gap} apart, from
 * this instance, whichever feed or item they are for. A caller waits for its turn (pollers run
 * on worker threads, never on the event loop).
 */
public final class HostPacing {

    private final long gapNanos;
    private final Map<String, Long> nextTurn = new HashMap<>();

    public HostPacing(Duration gap) {
        this.gapNanos = gap.toNanos();
    }

    /** Waits until a request to this URL's host may be sent, and takes that turn. */
    public void await(URI uri) throws InterruptedException {
        String host = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long turn = Math.max(now, nextTurn.getOrDefault(host, now));
            nextTurn.put(host, turn + gapNanos);
            wait = turn - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
