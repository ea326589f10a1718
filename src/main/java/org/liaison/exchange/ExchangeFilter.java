package org.liaison.exchange;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which exchanges a list, an export or an aggregate covers: every value validated and resolved
 * (locality names to codes). An empty list means "no filter"; {@code statuses} empty means
 * every status but rejected. {@link #sqlParameters()} are the arguments of
 * {@code filtered_exchanges()}, the one SQL definition of the filters.
 */
public record ExchangeFilter(
        LocalDate from,
        LocalDate to,
        List<String> levels,
        List<String> formats,
        List<String> kinds,
        List<String> countries,
        List<String> localities,
        List<String> roles,
        List<String> themes,
        List<String> domains,
        List<String> people,
        String q,
        List<String> statuses,
        String boundaries) {

    /** The filters the stats summaries keep: a filter on anything else runs the base aggregate. */
    private static final List<String> IN_ROLLUPS = List.of("status", "boundaries");

    public static ExchangeFilter none() {
        return new ExchangeFilter(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), "as-named");
    }

    /** Named like the psql variables of analytics-sql/ (and in the order of filtered_exchanges' arguments). */
    public Map<String, String> sqlParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", from == null ? "" : from.toString());
        p.put("to", to == null ? "" : to.toString());
        p.put("level", String.join(",", levels));
        p.put("format", String.join(",", formats));
        p.put("kind", String.join(",", kinds));
        p.put("country", String.join(",", countries));
        p.put("locality", String.join(",", localities));
        p.put("role", String.join(",", roles));
        p.put("theme", String.join(",", themes));
        p.put("domain", String.join(",", domains));
        p.put("person", String.join(",", people));
        p.put("q", q == null ? "" : q);
        p.put("status", String.join(",", statuses));
        p.put("boundaries", boundaries);
        return p;
    }

    /** True when only the filters the summaries keep are set (status, boundaries). */
    public boolean coveredBySummaries() {
        return sqlParameters().entrySet().stream().allMatch(e -> IN_ROLLUPS.contains(e.getKey()) || e.getValue().isEmpty());
    }
}
