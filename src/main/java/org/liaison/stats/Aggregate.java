package org.liaison.stats;

import java.util.List;

/** The aggregates of analytics-sql/, one file each, with the parameters each one takes beyond the common filters. */
public enum Aggregate {
    THEMES("themes", List.of("granularity", "top")),
    DOMAINS("domains", List.of("granularity")),
    LOCALITIES("localities", List.of("granularity", "side")),
    LOCALITY_PAIRS("locality_pairs", List.of()),
    TIMELINE("timeline", List.of("granularity")),
    PEOPLE("people", List.of("side", "top")),
    THEME_COOCCURRENCE("theme_cooccurrence", List.of()),
    SUMMARY("summary", List.of());

    public final String file;
    public final List<String> extra;

    Aggregate(String file, List<String> extra) {
        this.file = file;
        this.extra = extra;
    }
}
