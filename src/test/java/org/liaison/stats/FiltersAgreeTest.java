package org.liaison.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same filter, spelt the same way, selects the same exchanges in the list, the export and
 * the aggregates, over 10,000 generated exchanges and the demo data: the list's total, the
 * export's lines, the summary's count and the timeline's sum agree for every spelling.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiltersAgreeTest {

    static final List<String> SPELLINGS = List.of("", "kind=talks,meeting", "kind=talks&kind=meeting", "level=locality",
            "format=online,phone", "country=CN", "country=VN,CN", "locality=Guangxi", "locality=Quảng Tây,Lạng Sơn",
            "locality=Hà Giang&boundaries=current", "locality=Tuyên Quang&boundaries=current", "locality=Hà Giang", "locality=Hà Nam", "locality=Guangxi&role=mentioned",
            "locality=VN-HN&role=participant,venue,mentioned", "theme=trade-investment,maritime", "domain=economy,security",
            "from=2020-01-01&to=2022-12-31", "to=2019-06-30", "status=draft,rejected", "status=draft,verified,rejected",
            "person=Synthetic person VN 0001,Synthetic person CN 0002", "person=Wang Huning", "q=lang son", "q=Lạng Sơn",
            "q=synthetic", "kind=workshop&format=in_person&level=central&theme=education,science-technology&from=2021-01-01");

    @BeforeAll
    void generate() {
        SyntheticData.generate(10_000);
    }

    @AfterAll
    void remove() {
        SyntheticData.remove();
    }

    @Test
    void listExportAndStatsSelectTheSameExchanges() {
        int nonEmpty = 0;
        for (String q : SPELLINGS) {
            String and = q.isEmpty() ? "" : "&" + q;
            int listed = given().get("/api/exchanges?limit=1" + and).then().statusCode(200).extract().path("total");
            long exported = given().get("/api/exchanges/export?format=ndjson" + and).then().statusCode(200).extract().asString()
                    .lines().count();
            int counted = given().get("/api/stats/summary" + (q.isEmpty() ? "" : "?" + q)).then().statusCode(200).extract().path("rows[0].exchanges");
            List<Map<String, Object>> timeline = given().get("/api/stats/timeline?granularity=all" + and).then().statusCode(200)
                    .extract().path("rows");
            int summed = timeline.stream().mapToInt(r -> ((Number) r.get("exchanges")).intValue()).sum();
            assertEquals(listed, exported, "list vs export: " + q);
            assertEquals(listed, counted, "list vs summary: " + q);
            assertEquals(listed, summed, "list vs timeline: " + q);
            nonEmpty += listed > 0 ? 1 : 0;
        }
        assertTrue(nonEmpty >= SPELLINGS.size() - 3, "the spellings select something: " + nonEmpty);
    }
}
