package org.liaison.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each aggregate's figures on the demo data equal a count made independently from the gold
 * files of the corpus. status=verified keeps out the drafts other test classes write.
 */
@QuarkusTest
class StatsMatchGoldTest {

    static final List<GoldCorpus.Exchange> GOLD = GoldCorpus.exchanges();

    static List<Map<String, Object>> rows(String path) {
        return given().get(path + (path.contains("?") ? "&" : "?") + "status=verified").then().statusCode(200)
                .extract().path("rows");
    }

    static long count(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    void summaryCountsEveryGoldExchangeOnce() {
        Map<String, Object> s = rows("/api/stats/summary").get(0);
        assertEquals(GOLD.size(), count(s.get("exchanges")));
        assertEquals(GOLD.stream().filter(e -> e.level().equals("locality")).count(), count(s.get("locality")));
        assertEquals(GOLD.stream().map(GoldCorpus.Exchange::date).min(String::compareTo).orElseThrow(), s.get("first_date"));
    }

    @Test
    void themesPerYear() {
        Map<String, Long> expected = new TreeMap<>();
        Map<String, Long> perYear = new HashMap<>();
        for (GoldCorpus.Exchange e : GOLD) {
            perYear.merge(e.year(), 1L, Long::sum);
            e.themes().forEach(t -> expected.merge(e.year() + " " + t, 1L, Long::sum));
        }
        Map<String, Long> actual = new TreeMap<>();
        for (Map<String, Object> r : rows("/api/stats/themes?granularity=year")) {
            actual.put(r.get("period") + " " + r.get("theme"), count(r.get("exchanges")));
            assertEquals(perYear.get((String) r.get("period")), count(r.get("period_exchanges")));
            assertEquals(count(r.get("exchanges")) / (double) count(r.get("period_exchanges")),
                    ((Number) r.get("share")).doubleValue(), 0.0001);
        }
        assertEquals(expected, actual);
        assertTrue(expected.keySet().stream().anyMatch(k -> k.startsWith("2023 ")), "the corpus has 2023 themes");
    }

    @Test
    void localityFrequencyAndPairs() {
        Map<String, Long> expected = new TreeMap<>();
        Map<String, Long> pairs = new TreeMap<>();
        for (GoldCorpus.Exchange e : GOLD) {
            e.participantLocalities().forEach(l -> expected.merge(l, 1L, Long::sum));
            for (String vn : e.participantLocalities()) {
                for (String cn : e.participantLocalities()) {
                    if (vn.endsWith("|VN") && cn.endsWith("|CN")) {
                        pairs.merge(vn.split("\\|")[0] + " – " + cn.split("\\|")[0], 1L, Long::sum);
                    }
                }
            }
        }
        Map<String, Long> actual = new TreeMap<>();
        rows("/api/stats/localities").forEach(r -> actual.put(r.get("name") + "|" + r.get("country"), count(r.get("exchanges"))));
        assertEquals(expected, actual);
        assertTrue(expected.get("Guangxi|CN") >= 4 && expected.get("Lạng Sơn|VN") >= 2);

        Map<String, Long> actualPairs = new TreeMap<>();
        rows("/api/stats/locality-pairs").forEach(r -> actualPairs.put(r.get("vn_name") + " – " + r.get("cn_name"),
                count(r.get("exchanges"))));
        assertEquals(pairs, actualPairs);
        assertEquals(pairs.get("Lạng Sơn – Guangxi"), actualPairs.get("Lạng Sơn – Guangxi"));

        // Only the Chinese side
        rows("/api/stats/localities?side=CN").forEach(r -> assertEquals("CN", r.get("country")));
    }

    @Test
    void timelineByLevelAndFormat() {
        TreeMap<String, long[]> expected = new TreeMap<>();
        List<String> formats = List.of("in_person", "online", "phone", "hybrid");
        for (GoldCorpus.Exchange e : GOLD) {
            long[] c = expected.computeIfAbsent(e.year(), k -> new long[7]);
            c[0]++;
            c[e.level().equals("central") ? 1 : 2]++;
            c[3 + formats.indexOf(e.format())]++;
        }
        // a time series without gaps: the years between with no exchange are rows of zeros
        int first = Integer.parseInt(expected.firstKey());
        int last = Integer.parseInt(expected.lastKey());
        for (int y = first; y <= last; y++) {
            expected.putIfAbsent(String.valueOf(y), new long[7]);
        }
        List<Map<String, Object>> rows = rows("/api/stats/timeline");
        assertEquals(expected.keySet(), new java.util.TreeSet<>(rows.stream().map(r -> (String) r.get("period")).toList()));
        for (Map<String, Object> r : rows) {
            long[] c = expected.get((String) r.get("period"));
            assertEquals(c[0], count(r.get("exchanges")));
            assertEquals(c[1], count(r.get("central")));
            assertEquals(c[2], count(r.get("locality")));
            for (int i = 0; i < formats.size(); i++) {
                assertEquals(c[3 + i], count(r.get(formats.get(i))), formats.get(i) + " in " + r.get("period"));
            }
        }
    }

    @Test
    void peopleAndCooccurrence() {
        Map<String, Long> people = new TreeMap<>();
        Map<String, Long> co = new TreeMap<>();
        for (GoldCorpus.Exchange e : GOLD) {
            e.participants().forEach(p -> people.merge(p, 1L, Long::sum));
            for (String a : e.themes()) {
                for (String b : e.themes()) {
                    if (a.compareTo(b) < 0) {
                        co.merge(a + "+" + b, 1L, Long::sum);
                    }
                }
            }
        }
        Map<String, Long> actual = new TreeMap<>();
        rows("/api/stats/people").forEach(r -> actual.put(r.get("name") + "|" + r.get("side"), count(r.get("exchanges"))));
        assertEquals(people, actual);
        Map<String, Long> actualCo = new TreeMap<>();
        rows("/api/stats/theme-cooccurrence").forEach(r -> actualCo.put(r.get("theme_a") + "+" + r.get("theme_b"),
                count(r.get("exchanges"))));
        assertEquals(co, actualCo);
        assertEquals(2, given().get("/api/stats/people?top=2").then().extract().jsonPath().getList("rows").size());
    }

    @Test
    void currentBoundariesMoveHaGiangToTuyenQuang() {
        long haGiang = GOLD.stream().filter(e -> e.participantLocalities().contains("Hà Giang|VN")).count();
        long tuyenQuang = GOLD.stream().filter(e -> e.participantLocalities().contains("Tuyên Quang|VN")).count();
        assertTrue(haGiang > 0);
        Map<String, Long> asNamed = new HashMap<>();
        rows("/api/stats/localities?side=VN").forEach(r -> asNamed.put((String) r.get("code"), count(r.get("exchanges"))));
        Map<String, Long> current = new HashMap<>();
        rows("/api/stats/localities?side=VN&boundaries=current").forEach(r -> current.put((String) r.get("code"), count(r.get("exchanges"))));
        assertEquals(haGiang, asNamed.get("VN-03"));
        assertEquals(null, current.get("VN-03"), "Hà Giang no longer exists under current boundaries");
        assertEquals(haGiang + tuyenQuang, current.get("VN-07"));
        // and the pair Hà Giang–Guangxi becomes Tuyên Quang–Guangxi
        assertTrue(rows("/api/stats/locality-pairs?boundaries=current").stream()
                .anyMatch(r -> r.get("vn_code").equals("VN-07") && r.get("cn_code").equals("CN-GX")));
        // the locality filter follows the boundaries too
        assertEquals(haGiang + tuyenQuang, count(rows("/api/stats/summary?locality=Tuyen Quang&boundaries=current")
                .get(0).get("exchanges")), "locality filter under current boundaries");
    }
}
