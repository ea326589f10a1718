package org.liaison.stats;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.liaison.LiaisonConfig;
import org.liaison.exchange.ExchangesChanged;
import org.liaison.web.ContentCoding;

/**
 * Rendered stats answers, keyed by the normalised request, valid for one "epoch" of the data.
 * The epoch moves on every change this instance makes and on every change notification from
 * the database (any instance's write), and an answer is only served in the epoch it was
 * computed in. An answer computed while a write commits is therefore at worst dropped, never
 * served after the notification. While the notification connection is down no answer is added
 * (the cache could not know of other instances' writes), but the answers already kept are still
 * served: the connection is usually down because the database is, and then nobody writes, while
 * these answers spare the clients a 503. When the connection is back, everything kept is dropped
 * (a notification may have been missed).
 */
@Singleton
public class StatsCache {

    /** What goes out for one request: the bytes, their strong ETag and whether they are gzip. */
    public record Variant(byte[] bytes, String etag, boolean gzip) {
    }

    /**
     * One rendered answer: the body as sent, its ETag and media type; a body-less entry means
     * "not modified". The gzip copy is made on the first request that accepts it and kept with
     * the answer, so a large aggregate is compressed once per data change, not once per request.
     */
    public static final class Entry {
        private final long epoch;
        private final String etag;
        private final String mediaType;
        private final byte[] body;
        private volatile byte[] gzip; // two racing requests may both compress; either copy is right

        public Entry(long epoch, String etag, String mediaType, byte[] body) {
            this.epoch = epoch;
            this.etag = etag;
            this.mediaType = mediaType;
            this.body = body;
        }

        public long epoch() {
            return epoch;
        }

        public String etag() {
            return etag;
        }

        public String mediaType() {
            return mediaType;
        }

        public byte[] body() {
            return body;
        }

        public byte[] gzip() {
            byte[] g = gzip;
            if (g == null) {
                g = ContentCoding.gzip(body);
                gzip = g;
            }
            return g;
        }

        /**
         * The representation for a client that does or does not accept gzip: the compressed copy,
         * under its own ETag, for bodies of {@link ContentCoding#MIN_BYTES} and more.
         */
        public Variant variant(boolean acceptsGzip) {
            return acceptsGzip && body.length >= ContentCoding.MIN_BYTES
                    ? new Variant(gzip(), etag + StatsResponder.GZIP_ETAG_SUFFIX, true)
                    : new Variant(body, etag, false);
        }
    }

    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean listening;
    private final boolean enabled;
    private final Map<String, Entry> entries;
    private final int maxEntries;
    private final long maxBytes;
    private long bytes; // guarded by entries

    @Inject
    public StatsCache(LiaisonConfig config) {
        this(config.stats().cache().enabled(), config.stats().cache().maxEntries(), config.stats().cache().maxBytes().asLongValue());
    }

    StatsCache(boolean enabled, int maxEntries, long maxBytes) {
        this.enabled = enabled;
        this.maxBytes = maxBytes;
        this.entries = new LinkedHashMap<>(256, 0.75f, true);
        this.maxEntries = maxEntries;
    }

    /** Whether answers may be added now (and so served as computed). */
    public boolean usable() {
        return enabled && listening;
    }

    /** Whether kept answers may be served: also while the notification connection is down. */
    public boolean servable() {
        return enabled;
    }

    public long epoch() {
        return epoch.get();
    }

    /** The answer for this key if it was computed in the current epoch. */
    public Entry get(String key) {
        Entry e;
        synchronized (entries) {
            e = entries.get(key);
        }
        return e != null && e.epoch() == epoch.get() ? e : null;
    }

    public void put(String key, Entry entry) {
        if (entry.epoch() != epoch.get() || entry.body().length > maxBytes) {
            return;
        }
        synchronized (entries) {
            Entry old = entries.put(key, entry);
            bytes += entry.body().length - (old == null ? 0 : old.body().length);
            // least recently used first, until both limits hold
            Iterator<Entry> eldest = entries.values().iterator();
            while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
                bytes -= eldest.next().body().length;
                eldest.remove();
            }
        }
    }

    /** The data changed (here or elsewhere): nothing computed before now is served again. */
    public void invalidate() {
        epoch.incrementAndGet();
        synchronized (entries) {
            entries.clear();
            bytes = 0;
        }
    }

    void listening(boolean on) {
        if (on) {
            invalidate();
        }
        listening = on;
    }

    void onLocalChange(@Observes ExchangesChanged event) {
        invalidate();
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Bytes of the answers kept. */
    public long bytes() {
        synchronized (entries) {
            return bytes;
        }
    }
}
