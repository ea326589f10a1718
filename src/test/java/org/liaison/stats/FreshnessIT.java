package org.liaison.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liaison.ItDatabase;
import org.liaison.exchange.ExchangeResourceTest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;

/**
 * Two instances of the built artifact on one database: the one under test (A) and a second one
 * (B) started here. A write acknowledged by B shows in A's stats within a second, although A
 * had the old answer cached: B's commit notifies A through PostgreSQL (LISTEN/NOTIFY).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreshnessIT {

    static final long LIMIT_MS = 1000;

    private Process second;
    private int port;

    @BeforeAll
    void startSecondInstance() throws Exception {
        String artifact = System.getProperty("liaison.it.artifact");
        String jdbc = System.getProperty(ItDatabase.JDBC_URL);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> settings = new ArrayList<>(ItDatabase.verificationArguments()); // B accepts the tests' tokens too
        settings.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbc,
                "-Dquarkus.datasource.reactive.url=" + jdbc.replaceFirst("^jdbc:", ""),
                "-Dquarkus.datasource.username=" + ItDatabase.USER,
                "-Dquarkus.datasource.password=" + ItDatabase.PASSWORD,
                "-Dliaison.demo-data=false"));
        List<String> command = new ArrayList<>();
        if (artifact.endsWith(".jar")) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(settings);
            command.add("-jar");
            command.add(artifact);
        } else {
            command.add(artifact);
            command.addAll(settings);
        }
        File log = new File(new File(artifact).getParentFile(), "freshness-second-instance.log");
        second = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            assertTrue(second.isAlive(), "the second instance stopped; see " + log);
            assertTrue(System.currentTimeMillis() < deadline, "the second instance is not ready; see " + log);
            try {
                if (b().get("/q/health/ready").statusCode() == 200) {
                    break;
                }
            } catch (Exception notYet) { // RestAssured rethrows ConnectException unchecked
                // not listening yet
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stopSecondInstance() throws InterruptedException {
        if (second != null) {
            second.destroy();
            second.waitFor();
        }
    }

    RequestSpecification b() {
        return given().port(port);
    }

    static int exchangesOnA() {
        return given().get("/api/stats/summary").then().statusCode(200).extract().path("rows[0].exchanges");
    }

    @Test
    void aWriteThroughOneInstanceShowsInTheOthersStatsWithinASecond() throws Exception {
        int before = exchangesOnA();
        assertEquals(before, exchangesOnA(), "A answers from its cache now");

        String id = b().contentType("application/json").body(ExchangeResourceTest.exchange("2018-08-09", ""))
                .post("/api/exchanges").then().statusCode(201).extract().path("id");
        long created = waitOnA(before + 1);

        b().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
        long deleted = waitOnA(before);

        System.out.printf("freshness across instances: %d ms after a create, %d ms after a delete%n", created, deleted);
        assertTrue(created < LIMIT_MS && deleted < LIMIT_MS, created + " ms, " + deleted + " ms");
    }

    /** Milliseconds until A's summary counts {@code expected} exchanges. */
    static long waitOnA(int expected) throws InterruptedException {
        long t0 = System.nanoTime();
        while (exchangesOnA() != expected) {
            if (System.nanoTime() - t0 > 10 * LIMIT_MS * 1_000_000) {
                break;
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
