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

    interface Stats {
        /**
         * Answer unfiltered aggregates from the maintained summaries (analytics-sql/rollup/).
         * Off: every request runs the base file over the base tables (for comparisons).
         */
        @WithDefault("true")
        boolean rollups();

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
