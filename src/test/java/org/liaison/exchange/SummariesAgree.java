package org.liaison.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The stats summaries equal the base data after concurrent writes: each aggregate asked without
 * a filter is answered from the summaries (analytics-sql/rollup/, kept by every write's own
 * transaction), and asked with {@link #BASE} from the base tables (analytics-sql/*.sql, what
 * StatsMatchSqlTest and StatsAtScaleTest hold the summaries to). 1900-01-01 is the first date
 * a record may have, so the filter selects every exchange but is a filter the summaries do not
 * keep (ExchangeFilter.coveredBySummaries). A summary row that a lost or doubled update left
 * off by one shows as a difference here.
 */
public final class SummariesAgree {

    /** A filter that keeps every exchange and forces the base SQL. */
    static final String BASE = "from=1900-01-01";

    static final List<String> AGGREGATES = List.of("themes?granularity=month", "domains?granularity=month", "localities?granularity=all",
            "localities?side=VN&granularity=year&boundaries=current", "locality-pairs", "locality-pairs?boundaries=current",
            "timeline?granularity=month", "people?top=100", "theme-cooccurrence", "summary");

    static final List<String> STATUSES = List.of("", "status=draft,verified,rejected", "status=rejected");

    private SummariesAgree() {
    }

    /** One line per aggregate whose summary answer differs from its base answer; empty when all agree. */
    public static List<String> violations(ServiceClient service) {
        List<String> out = new ArrayList<>();
        for (String aggregate : AGGREGATES) {
            for (String status : STATUSES) {
                String path = "/api/stats/" + aggregate + (status.isEmpty() ? "" : (aggregate.contains("?") ? "&" : "?") + status);
                String base = path + (path.contains("?") ? "&" : "?") + BASE;
                // without the rows' records links, which name the request's own filters (the BASE one too)
                JsonNode summaries = withoutLinks(service.getJson(path).path("rows"));
                JsonNode tables = withoutLinks(service.getJson(base).path("rows"));
                if (!summaries.equals(tables)) {
                    out.add(path + " (summaries) differs from " + base + " (base tables): " + firstDifference(summaries, tables));
                }
            }
        }
        return out;
    }

    static JsonNode withoutLinks(JsonNode rows) {
        JsonNode copy = rows.deepCopy();
        copy.forEach(r -> {
            if (r instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                o.remove("records");
            }
        });
        return copy;
    }

    static String firstDifference(JsonNode a, JsonNode b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (!a.path(i).equals(b.path(i))) {
                return "row " + i + ": " + (a.has(i) ? a.get(i) : "none") + " vs " + (b.has(i) ? b.get(i) : "none")
                        + " (" + a.size() + " vs " + b.size() + " rows)";
            }
        }
        return a.size() + " vs " + b.size() + " rows";
    }
}
