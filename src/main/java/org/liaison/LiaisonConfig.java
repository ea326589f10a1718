package org.liaison;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "liaison")
public interface LiaisonConfig {

    /** Load the demo exchanges (the hand-coded development corpus) at start. */
    @WithDefault("false")
    boolean demoData();

    Stats stats();

    Imports imports();

    /** NDJSON imports: a body is read to its end and checked before the import takes a database connection. */
    interface Imports {
        /** Imports written to the database at once; the others wait for a turn. */
        @WithDefault("2")
        int maxConcurrent();

        /** Imports in progress in all (reading, waiting, writing); one more is answered 429 with Retry-After. */
        @WithDefault("16")
        int maxInProgress();

        /** How long a read import waits for its turn to write before it is answered 503 with Retry-After. */
        @WithDefault("60s")
        java.time.Duration turnTimeout();

        /** How long a client may take to send the whole body (on top of quarkus.http.read-timeout between its parts): 408 beyond. */
        @WithDefault("120s")
        java.time.Duration bodyTimeout();
    }

    interface Stats {
        /**
         * Answer unfiltered aggregates from the maintained summaries (analytics-sql/rollup/).
         * Off: every request runs the base file over the base tables (for comparisons).
         */
        @WithDefault("true")
        boolean rollups();

        /**
         * How long one aggregate's SQL may run (statement_timeout, for that query only). Longer is
         * cancelled and answered 503 query-timeout: a filter over millions of exchanges could
         * otherwise hold a database connection and a core for minutes, also after its client left.
         * Below quarkus.http.idle-timeout (20 s): a longer query would have its connection closed
         * with no answer before the 503 could be sent.
         */
        @WithDefault("15s")
        java.time.Duration queryTimeout();

        Cache cache();
    }

    interface Cache {
        /** Keep rendered stats answers in memory until the data changes (any instance's write). */
        @WithDefault("true")
        boolean enabled();

        /** At most this many answers; the least recently used goes first. */
        @WithDefault("2000")
        int maxEntries();

        /**
         * And at most this many bytes of answers in all (a filtered answer at a million exchanges
         * can be hundreds of kilobytes): keeps the cache inside the service's memory budget.
         */
        @WithDefault("32M")
        MemorySize maxBytes();
    }
}
