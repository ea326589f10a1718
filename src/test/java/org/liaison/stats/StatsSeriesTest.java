package org.liaison.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a dashboard needs of the aggregates: a timeline with every period between the first and
 * the last (zero-filled), and rows that link to the records they count.
 */
@QuarkusTest
public class StatsSeriesTest {

    static List<Map<String, Object>> rows(String path) {
        return given().get(path).then().statusCode(200).extract().path("rows");
    }

    static long n(Object v) {
        return ((Number) v).longValue();
    }

    /** The period after p, in p's granularity. */
    static String next(String p) {
        if (p.length() == 4) {
            return String.valueOf(Integer.parseInt(p) + 1);
        }
        if (p.charAt(5) == 'Q') {
            int q = p.charAt(6) - '0';
            return q == 4 ? (Integer.parseInt(p.substring(0, 4)) + 1) + "-Q1" : p.substring(0, 6) + (q + 1);
        }
        return YearMonth.parse(p).plusMonths(1).toString();
    }

    @Test
    void theTimelineHasEveryPeriodBetweenTheFirstAndTheLast() {
        long total = n(given().get("/api/stats/summary").then().extract().path("rows[0].exchanges"));
        // without a filter from the summaries (rollup/timeline.sql), with one from the base file
        for (String filter : List.of("", "&from=1900-01-01", "&level=locality", "&theme=trade-investment")) {
            for (String g : List.of("year", "quarter", "month")) {
                List<Map<String, Object>> rows = rows("/api/stats/timeline?granularity=" + g + filter);
                assertTrue(rows.size() > 1, g + filter);
                long zeros = 0;
                for (int i = 1; i < rows.size(); i++) {
                    assertEquals(next((String) rows.get(i - 1).get("period")), rows.get(i).get("period"), g + filter + " row " + i);
                }
                for (Map<String, Object> r : rows) {
                    zeros += n(r.get("exchanges")) == 0 ? 1 : 0;
                    assertEquals(n(r.get("exchanges")), n(r.get("central")) + n(r.get("locality")), r.toString());
                }
                assertTrue(n(rows.get(0).get("exchanges")) > 0 && n(rows.get(rows.size() - 1).get("exchanges")) > 0,
                        "from the first period with exchanges to the last: " + g + filter);
                if (filter.isEmpty() || filter.contains("1900")) {
                    assertEquals(total, rows.stream().mapToLong(r -> n(r.get("exchanges"))).sum(), g + filter);
                }
                if (g.equals("month")) {
                    assertTrue(zeros > 0, "the demo data have quiet months: " + filter);
                }
            }
        }
        assertEquals(List.of(Map.of("period", "all")), rows("/api/stats/timeline?granularity=all").stream()
                .map(r -> Map.of("period", r.get("period"))).toList());
        assertEquals(List.of(), rows("/api/stats/timeline?from=1901-01-01&to=1901-12-31"), "nothing selected: no periods");
    }

    /** The number of exchanges of a records link, as the list counts them. */
    static long listed(String link) {
        assertTrue(link.startsWith("/api/exchanges?") || link.equals("/api/exchanges"), link);
        return n(given().urlEncodingEnabled(false).get(link).then().statusCode(200).extract().path("total"));
    }

    @Test
    void eachRowLinksToTheRecordsItCounts() {
        List<String> checked = new ArrayList<>();
        for (String path : List.of("/api/stats/themes?granularity=year", "/api/stats/domains?level=locality",
                "/api/stats/localities?side=VN", "/api/stats/localities?boundaries=current&granularity=year",
                "/api/stats/people?top=5", "/api/stats/summary?kind=talks", "/api/stats/timeline?granularity=quarter")) {
            for (Map<String, Object> r : rows(path)) {
                String link = (String) r.get("records");
                assertNotNull(link, path + " " + r);
                if (n(r.get("exchanges")) == 0) {
                    assertEquals(0, listed(link), link);
                    continue;
                }
                // an exchange that runs into the next period is listed there too, so at least the row's count
                long listed = listed(link);
                assertTrue(listed >= n(r.get("exchanges")), path + " " + r + ": " + listed);
                if (!r.containsKey("period") || "all".equals(r.get("period"))) {
                    assertEquals(n(r.get("exchanges")), listed, path + " " + r);
                }
                checked.add(link);
            }
        }
        assertTrue(checked.size() > 20, checked.toString());
        assertEquals("/api/exchanges?from=2017-01-01&to=2017-12-31&level=central",
                rows("/api/stats/timeline?level=central").stream().filter(r -> r.get("period").equals("2017")).findFirst()
                        .orElseThrow().get("records"));
        // the request's own dates narrow the period's
        List<Map<String, Object>> narrowed = rows("/api/stats/timeline?granularity=quarter&from=2023-03-05&to=2023-06-30");
        assertTrue(!narrowed.isEmpty());
        for (Map<String, Object> r : narrowed) {
            String link = (String) r.get("records");
            LocalDate from = LocalDate.parse(link.replaceAll(".*from=([0-9-]+).*", "$1"));
            LocalDate to = LocalDate.parse(link.replaceAll(".*to=([0-9-]+).*", "$1"));
            String p = (String) r.get("period");
            LocalDate start = LocalDate.of(Integer.parseInt(p.substring(0, 4)), 3 * (p.charAt(6) - '1') + 1, 1);
            assertEquals(start.isBefore(LocalDate.parse("2023-03-05")) ? LocalDate.parse("2023-03-05") : start, from, link);
            LocalDate end = start.plusMonths(3).minusDays(1);
            assertEquals(end.isAfter(LocalDate.parse("2023-06-30")) ? LocalDate.parse("2023-06-30") : end, to, link);
        }
    }

    @Test
    void aRowWhoseFilterTheRequestSetsOnOtherValuesHasNoLink() {
        for (Map<String, Object> r : rows("/api/stats/themes?granularity=all&theme=trade-investment")) {
            if (r.get("theme").equals("trade-investment")) {
                assertEquals(n(r.get("exchanges")), listed((String) r.get("records")), r.toString());
            } else {
                // "trade-investment AND this theme" is not a filter of the list
                assertNull(r.get("records"), r.toString());
            }
        }
        for (String pairs : List.of("/api/stats/locality-pairs", "/api/stats/theme-cooccurrence")) {
            rows(pairs).forEach(r -> assertTrue(!r.containsKey("records"), pairs + " has no links"));
        }
        // CSV keeps the file's columns
        String csv = given().get("/api/stats/timeline?format=csv").then().statusCode(200).extract().asString();
        assertEquals("period,exchanges,central,locality,in_person,online,phone,hybrid", csv.lines().findFirst().orElseThrow());
    }
}
