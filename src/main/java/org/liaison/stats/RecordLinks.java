package org.liaison.stats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code records} link of a stats row: {@code /api/exchanges?<the request's filters + the
 * row's own>}, the list of the exchanges the row counts. Root-relative, so that a cached answer
 * holds for every host name the service is reached by.
 * <p>
 * The list ANDs filters but ORs the values of one filter, so a row whose own filter the request
 * already sets (a theme row of {@code ?theme=a,b}) gets a link only when the row's value is one
 * of the request's (theme a AND (a OR b) is theme a); otherwise, and for the pair aggregates
 * (two localities, two themes: an AND the list cannot say), the row has no link.
 * A period becomes from/to (narrowed by the request's): the list then also shows an exchange that
 * began before the period and ran into it, which the row counts in its first period.
 */
final class RecordLinks {

    static final String KEY = "records";
    private static final String LIST = "/api/exchanges";

    private RecordLinks() {
    }

    /** The rows with their links, for the JSON answer (the CSV and table answers keep the file's columns). */
    static List<Map<String, Object>> add(Aggregate aggregate, Map<String, String> filters, List<Map<String, Object>> rows) {
        if (aggregate == Aggregate.LOCALITY_PAIRS || aggregate == Aggregate.THEME_COOCCURRENCE) {
            return rows;
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> linked = new LinkedHashMap<>(row);
            linked.put(KEY, link(aggregate, filters, row));
            out.add(linked);
        }
        return out;
    }

    static String link(Aggregate aggregate, Map<String, String> filters, Map<String, Object> row) {
        Map<String, String> p = new LinkedHashMap<>(filters);
        Object period = row.get("period");
        if (period instanceof String s && !s.equals("all") && !narrowToPeriod(p, s)) {
            return null;
        }
        boolean ok = switch (aggregate) {
            case THEMES -> narrow(p, "theme", (String) row.get("theme"));
            case DOMAINS -> narrow(p, "domain", (String) row.get("domain"));
            case LOCALITIES -> narrow(p, "locality", (String) row.get("code")) && narrowRole(p);
            case PEOPLE -> narrow(p, "person", (String) row.get("name"));
            default -> true;
        };
        return ok ? LIST + query(p) : null;
    }

    /** Sets the filter to the row's value, unless the request filters it on other values only. */
    private static boolean narrow(Map<String, String> p, String name, String value) {
        String given = p.getOrDefault(name, "");
        if (value == null || !given.isEmpty() && !Arrays.asList(given.split(",")).contains(value)) {
            return false;
        }
        p.put(name, value);
        return true;
    }

    /** A localities row counts its unit as a participant; a request's role must allow that. */
    private static boolean narrowRole(Map<String, String> p) {
        String given = p.getOrDefault("role", "");
        if (!given.isEmpty() && !Arrays.asList(given.split(",")).contains("participant")) {
            return false;
        }
        p.put("role", "participant");
        return true;
    }

    /** from/to of the period (YYYY, YYYY-Qn, YYYY-MM), within the request's; false if they do not meet. */
    private static boolean narrowToPeriod(Map<String, String> p, String period) {
        LocalDate start;
        LocalDate end;
        if (period.length() == 4) {
            start = LocalDate.of(Integer.parseInt(period), 1, 1);
            end = start.plusYears(1).minusDays(1);
        } else if (period.charAt(5) == 'Q') {
            start = LocalDate.of(Integer.parseInt(period.substring(0, 4)), 3 * (period.charAt(6) - '1') + 1, 1);
            end = start.plusMonths(3).minusDays(1);
        } else {
            start = LocalDate.parse(period + "-01");
            end = start.plusMonths(1).minusDays(1);
        }
        String from = p.getOrDefault("from", "");
        String to = p.getOrDefault("to", "");
        if (!from.isEmpty() && LocalDate.parse(from).isAfter(start)) {
            start = LocalDate.parse(from);
        }
        if (!to.isEmpty() && LocalDate.parse(to).isBefore(end)) {
            end = LocalDate.parse(to);
        }
        p.put("from", start.toString());
        p.put("to", end.toString());
        return !start.isAfter(end);
    }

    /** The parameters that are set, the default boundaries left out. */
    private static String query(Map<String, String> p) {
        StringBuilder q = new StringBuilder();
        p.forEach((k, v) -> {
            if (v.isEmpty() || k.equals("boundaries") && v.equals("as-named")) {
                return;
            }
            q.append(q.isEmpty() ? '?' : '&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return q.toString();
    }
}
