package org.liaison.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liaison.Database;
import org.liaison.exchange.ExchangeResourceTest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The aggregates on 10,000 generated exchanges (analytics-sql/bench/generate.sql): every
 * endpoint, answered from the summaries or the base tables and from the cache or not, gives the
 * rows of its analytics-sql file run over JDBC; and still does after writes through the API,
 * which maintain the summaries and drop cached answers. {@link StatsAtScaleUncachedTest} runs
 * the same with the cache off.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsAtScaleTest {

    static final int N = 10_000;

    @Inject
    StatsCache cache;

    final StatsMatchSqlTest sql = new StatsMatchSqlTest();

    static final List<StatsMatchSqlTest.Case> CASES = new ArrayList<>(StatsMatchSqlTest.CASES);
    static {
        CASES.add(new StatsMatchSqlTest.Case(Aggregate.THEMES, "/api/stats/themes?granularity=month&status=draft,rejected",
                StatsMatchSqlTest.p("granularity", "month", "status", "draft,rejected")));
        CASES.add(new StatsMatchSqlTest.Case(Aggregate.DOMAINS, "/api/stats/domains?granularity=all",
                StatsMatchSqlTest.p("granularity", "all")));
        CASES.add(new StatsMatchSqlTest.Case(Aggregate.LOCALITIES, "/api/stats/localities?granularity=quarter&boundaries=current&side=CN",
                StatsMatchSqlTest.p("granularity", "quarter", "boundaries", "current", "side", "CN")));
        CASES.add(new StatsMatchSqlTest.Case(Aggregate.LOCALITY_PAIRS, "/api/stats/locality-pairs?boundaries=current",
                StatsMatchSqlTest.p("boundaries", "current")));
        CASES.add(new StatsMatchSqlTest.Case(Aggregate.TIMELINE, "/api/stats/timeline?granularity=month&status=rejected",
                StatsMatchSqlTest.p("granularity", "month", "status", "rejected")));
        CASES.add(new StatsMatchSqlTest.Case(Aggregate.PEOPLE, "/api/stats/people?top=20",
                StatsMatchSqlTest.p("top", "20")));
        CASES.add(new StatsMatchSqlTest.Case(Aggregate.THEME_COOCCURRENCE, "/api/stats/theme-cooccurrence?status=verified",
                StatsMatchSqlTest.p("status", "verified")));
        CASES.add(new StatsMatchSqlTest.Case(Aggregate.SUMMARY, "/api/stats/summary?status=draft,verified,rejected",
                StatsMatchSqlTest.p("status", "draft,verified,rejected")));
    }

    @BeforeAll
    void generate() {
        SyntheticData.generate(N);
    }

    @AfterAll
    void remove() {
        SyntheticData.remove();
    }

    boolean cached() {
        return true;
    }

    @Test
    void everyEndpointEqualsItsFileOnGeneratedDataBeforeAndAfterWrites() throws SQLException {
        assertTrue(Database.count("select count(*) from exchange where natural_key like 'synthetic-%'") == N);
        compareAll("generated");

        // a write of each kind through the API: the summaries follow and no stale answer is served
        String body = ExchangeResourceTest.exchange("2019-06-07", "");
        String id = ExchangeResourceTest.post(body).then().statusCode(201).extract().path("id");
        compareAll("after a create");
        given().contentType("application/json").body(body.replace("\"talks\"", "\"meeting\"")
                .replace("\"trade-investment\"", "\"tourism\"").replace("2019-06-07", "2012-01-02"))
                .put("/api/exchanges/" + id).then().statusCode(200);
        compareAll("after a replace");
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
        compareAll("after a delete");
    }

    @Test
    void repeatedRequestsAreServedFromMemoryOnlyWhenTheCacheIsOn() {
        given().get("/api/stats/summary").then().statusCode(200);
        given().get("/api/stats/summary").then().statusCode(200);
        if (cached()) {
            assertTrue(cache.usable(), "the cache listens for changes");
            assertTrue(cache.size() > 0, "answers are kept");
        } else {
            assertFalse(cache.usable());
            assertEquals(0, cache.size());
        }
    }

    void compareAll(String when) throws SQLException {
        for (int pass = 0; pass < 2; pass++) { // the second pass is answered from the cache when it is on
            for (StatsMatchSqlTest.Case c : CASES) {
                List<Map<String, String>> viaSql = sql.jdbc(c.aggregate(), c.sqlParameters());
                List<Map<String, String>> http = StatsMatchSqlTest.httpRows(c.path());
                assertTrue(!viaSql.isEmpty() || c.path().contains("format=online&country"), c.path() + " has rows");
                assertEquals(viaSql, http, when + ", pass " + pass + ": " + c.path());
            }
        }
    }
}
