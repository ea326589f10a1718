package org.liaison.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The cache's limits and epochs, without a service around it. */
class StatsCacheTest {

    private static StatsCache.Entry entry(StatsCache cache, int size) {
        return new StatsCache.Entry(cache.epoch(), "\"e\"", "application/json", new byte[size]);
    }

    @Test
    void keepsAtMostMaxBytesDroppingTheLeastRecentlyUsed() {
        StatsCache cache = new StatsCache(true, 100, 1000);
        cache.put("a", entry(cache, 400));
        cache.put("b", entry(cache, 400));
        assertNotNull(cache.get("a")); // a is now more recent than b
        cache.put("c", entry(cache, 400));
        assertNull(cache.get("b"), "the least recently used answer goes first");
        assertNotNull(cache.get("a"));
        assertNotNull(cache.get("c"));
        assertEquals(800, cache.bytes());
    }

    @Test
    void anAnswerLargerThanTheBudgetIsNotKept() {
        StatsCache cache = new StatsCache(true, 100, 1000);
        cache.put("a", entry(cache, 300));
        cache.put("huge", entry(cache, 1001));
        assertNull(cache.get("huge"));
        assertNotNull(cache.get("a"), "a too large answer does not empty the cache");
        assertEquals(300, cache.bytes());
    }

    @Test
    void keepsAtMostMaxEntriesAndReplacingAKeyCountsItsBytesOnce() {
        StatsCache cache = new StatsCache(true, 2, 1_000_000);
        cache.put("a", entry(cache, 10));
        cache.put("a", entry(cache, 20));
        assertEquals(20, cache.bytes());
        cache.put("b", entry(cache, 10));
        cache.put("c", entry(cache, 10));
        assertEquals(2, cache.size());
        assertNull(cache.get("a"));
        assertEquals(20, cache.bytes());
    }

    @Test
    void anAnswerOfAnEarlierEpochIsNeitherKeptNorServed() {
        StatsCache cache = new StatsCache(true, 10, 1000);
        StatsCache.Entry early = entry(cache, 10);
        cache.put("a", early);
        cache.invalidate();
        assertNull(cache.get("a"));
        cache.put("b", early); // computed before the change: dropped
        assertNull(cache.get("b"));
        assertEquals(0, cache.bytes());
    }
}
