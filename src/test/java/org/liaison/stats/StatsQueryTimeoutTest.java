package org.liaison.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaison.Database;

/**
 * liaison.stats.query-timeout: an aggregate whose SQL runs longer is cancelled and answered 503
 * query-timeout with Retry-After, and the limit is the query's alone (the next request, and the
 * connection it ran on, are not affected). The query is held by a lock another transaction keeps on
 * the exchanges (waiting for a lock counts toward statement_timeout), so the test does not depend on
 * how fast the machine is.
 */
@QuarkusTest
@TestProfile(StatsQueryTimeoutTest.ShortLimit.class)
class StatsQueryTimeoutTest {

    public static class ShortLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("liaison.stats.query-timeout", "700ms");
        }
    }

    @Test
    void aQueryOverItsLimitIsCancelledAnd503AndTheNextOneIsAnswered() throws Exception {
        String filter = "q=query-timeout-" + System.nanoTime(); // a filter no earlier request cached
        try (Connection lock = Database.connect()) {
            lock.setAutoCommit(false);
            try (var s = lock.createStatement()) {
                s.execute("lock table exchange in access exclusive mode");
            }
            long t0 = System.nanoTime();
            given().get("/api/stats/themes?" + filter).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "10")
                    .body("type", equalTo("urn:liaison:problem:query-timeout"))
                    .body("detail", containsString("longer than 700 ms (liaison.stats.query-timeout)"))
                    .body("detail", containsString("themes aggregate"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 600 && ms < 10_000, ms + " ms: the limit is 700 ms");
            lock.rollback();
        }
        // the limit was the query's: the same request, and others on the pool's connections, now answer
        given().get("/api/stats/themes?" + filter).then().statusCode(200);
        for (int i = 0; i < 25; i++) {
            given().get("/api/stats/summary?q=x" + i).then().statusCode(200);
        }
    }
}
