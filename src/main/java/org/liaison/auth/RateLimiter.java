package org.liaison.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} calls at once, refilled at {@code perMinute} a
 * minute. Buckets of clients that have been quiet long enough to be full again are dropped when
 * the map is large, so that many addresses cannot grow it without bound.
 */
final class RateLimiter {

    /** Clients kept before quiet ones are dropped. */
    static final int MAX_CLIENTS = 10_000;

    private final int burst;
    private final double perNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        this.burst = Math.max(1, burst);
        this.perNano = Math.max(1, perMinute) / 60e9;
        this.clock = nanoClock;
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** 0 when the call may go ahead (and is counted); otherwise the seconds until it may. */
    long acquire(String client) {
        long now = clock.getAsLong();
        if (buckets.size() >= MAX_CLIENTS) {
            dropFull(now);
        }
        Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }

    private void dropFull(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            Bucket b = it.next();
            synchronized (b) {
                if (b.tokens + (now - b.at) * perNano >= burst) {
                    it.remove();
                }
            }
        }
    }

    int clients() {
        return buckets.size();
    }
}
