package org.liaison.exchange;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaison.exchange.Writers.Op;

/**
 * Issue 15: 16 concurrent writers (creates, If-Match patches and replaces, deletes, stale
 * If-Match, NDJSON imports and re-imports, and If-Match patches of shared records) get no 5xx,
 * and afterwards every acknowledged write holds: in the export as acknowledged, deletes gone, no
 * lost If-Match update, the list's total equal to the export's lines, and every stats summary
 * equal to the base tables. Short here (10 s); the 60-s run and the latency bar are in
 * WriterScalingBenchmark (bench/README.md, "Concurrent writers").
 */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class ConcurrentWritersTest {

    static final int WRITERS = 16;
    static final Duration LENGTH = Duration.ofSeconds(10);

    @Test
    void sixteenWritersGetNo5xxAndEveryAcknowledgedWriteHolds() throws Exception {
        ServiceClient service = new ServiceClient(URI.create("http://localhost:" + RestAssured.port + "/"));
        Incidents incidents = Incidents.attach();
        Result r;
        try {
            r = Writers.start(service, new Writers.Plan(WRITERS, 0, LENGTH, "cw" + Long.toString(System.nanoTime(), 36))).await();
        } finally {
            incidents.detach();
        }
        Map<String, Integer> causes = incidents.causes();
        System.out.println("ConcurrentWritersTest: " + r.summary() + "; incidents by cause: " + causes);
        List<String> broken = r.acknowledged().violations(service);
        List<String> summaries = SummariesAgree.violations(service);
        assertAll(
                () -> assertEquals(0, r.failures().size(), () -> r.failures().size() + " of " + r.calls().size()
                        + " requests failed (5xx or no answer). Answers: " + r.statusesByOp() + "\nincidents by cause: " + causes
                        + "\n" + Result.samples(r.failures(), 5)),
                () -> assertEquals(0, r.unexpected().size(), () -> r.unexpected().size()
                        + " answers break the API's rules:\n" + Result.samples(r.unexpected(), 10)),
                () -> assertEquals(List.of(), broken, "acknowledged writes that do not hold"),
                () -> assertEquals(List.of(), summaries, "stats summaries that differ from the base tables"),
                () -> assertTrue(r.where(c -> c.op() == Op.SHARED_PATCH && c.answer().status() == 200).size() > 0
                        && r.where(c -> c.op() == Op.IMPORT && c.answer().ok()).size() > 0
                        && r.where(c -> c.op() == Op.DELETE && c.answer().ok()).size() > 0,
                        () -> "every kind of write was acknowledged at least once: " + r.statusesByOp()));
    }
}
