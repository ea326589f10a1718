package org.liaison.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenTheAveragePerClient() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(30, 10, now::get); // one call every 2 s, 10 at once
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.acquire("a"), "call " + i + " of the burst");
        }
        assertEquals(2, limiter.acquire("a"), "the 11th waits for the next token: 2 s");
        assertEquals(0, limiter.acquire("b"), "another client has its own bucket");
        now.addAndGet(2 * SECOND);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(2, limiter.acquire("a"));
        now.addAndGet(60 * SECOND);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.acquire("a"), "a quiet minute fills the bucket again, to the burst and no more");
        }
        assertTrue(limiter.acquire("a") > 0);
    }

    @Test
    void manyClientsDoNotGrowItWithoutBound() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(60, 5, now::get);
        for (int i = 0; i < RateLimiter.MAX_CLIENTS; i++) {
            limiter.acquire("10.0." + i);
        }
        now.addAndGet(60 * SECOND); // all of them full again
        limiter.acquire("new");
        assertTrue(limiter.clients() < 10, limiter.clients() + " buckets kept");
    }
}
