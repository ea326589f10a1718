package org.liaison.exchange;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaison.Database;
import org.liaison.exchange.ServiceClient.Answer;

/**
 * Issue 15: the same write sent by many clients at the same moment. POSTing an exchange that is
 * already stored answers 200 with the stored record, and importing a file whose lines are all
 * stored answers "unchanged"; that must hold when the copies arrive together, not only one
 * after the other: one creates, every other is told it is unchanged, none gets a 5xx. The
 * clients open their connections first and are released together by a barrier; each race runs
 * a few rounds, since one round may by chance not overlap.
 */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class IdenticalWritesTest {

    static final int CREATES = 16;
    static final int IMPORTS = 8;
    static final int ROUNDS = 3;
    static final int LINES = 20;

    ServiceClient service;
    Incidents incidents;

    @BeforeEach
    void connect() {
        service = new ServiceClient(URI.create("http://localhost:" + RestAssured.port + "/"));
        incidents = Incidents.attach();
    }

    @AfterEach
    void detach() {
        incidents.detach();
    }

    /** {@code n} clients, each with its connection open, send {@code request} at the same moment. */
    List<Answer> atOnce(int n, Function<ServiceClient, Answer> request) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ServiceClient client = service.another();
                answers.add(pool.submit(() -> {
                    client.get("/q/health/live"); // the connection is open before the race starts
                    barrier.await();
                    return request.apply(client);
                }));
            }
            List<Answer> out = new ArrayList<>();
            for (Future<Answer> f : answers) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<Integer, Long> statuses(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    String why(List<Answer> answers) {
        return "answers " + statuses(answers) + "; incidents by cause: " + incidents.causes() + "; e.g. "
                + answers.stream().filter(Answer::failed).map(Answer::excerpt).findFirst().orElse("-");
    }

    /** An exchange of its own date (2013, a year no other concurrency test writes), with a client key or without. */
    static ObjectNode exchange(String key, int round) {
        ObjectNode e = LoadRecords.exchange(key == null ? "unused" : key, "sent by every client at once", new Random(round));
        String date = "2013-0" + (round + 1) + "-1" + round;
        e.put("date", date);
        ((ObjectNode) e.path("sources").get(0)).put("published", date).put("url", "https://load.invalid/race/" + UUID.randomUUID());
        if (key == null) {
            e.remove("key");
        }
        return e;
    }

    void assertOneCreatedOthersUnchanged(List<Answer> answers, String key) {
        List<String> ids = answers.stream().filter(Answer::ok).map(a -> a.json().path("id").asText()).distinct().toList();
        assertAll(
                () -> assertEquals(Map.of(201, 1L, 200, (long) CREATES - 1), statuses(answers), () -> "one 201, the others 200: " + why(answers)),
                () -> assertEquals(1, ids.size(), () -> "every 2xx names the same record: " + ids),
                () -> assertEquals(1, Database.count("select count(*) from exchange where natural_key = ?", key), "one record for " + key));
    }

    @Test
    void identicalKeyedCreatesAtOnceCreateOneRecordAndAnswerTheOthers200() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String key = "race-" + UUID.randomUUID();
            String body = exchange(key, round).toString();
            List<Answer> answers = atOnce(CREATES, c -> c.post("/api/exchanges", "application/json", body));
            assertOneCreatedOthersUnchanged(answers, key);
        }
        assertEquals(List.of(), SummariesAgree.violations(service));
    }

    @Test
    void identicalCreatesWithoutAKeyAtOnceCreateOneRecordAndAnswerTheOthers200() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String body = exchange(null, round + 4).toString();
            List<Answer> answers = atOnce(CREATES, c -> c.post("/api/exchanges", "application/json", body));
            String key = answers.stream().filter(Answer::ok).map(a -> a.json().path("key").asText()).findFirst().orElse("none");
            assertOneCreatedOthersUnchanged(answers, key);
        }
        assertEquals(List.of(), SummariesAgree.violations(service));
    }

    @Test
    void identicalNewImportsAtOnceCreateOnceAndReportTheOthersUnchanged() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String prefix = "race-import-" + UUID.randomUUID();
            StringBuilder file = new StringBuilder();
            Random random = new Random(round);
            for (int i = 0; i < LINES; i++) {
                file.append(LoadRecords.exchange(prefix + "-" + i, "imported by every client at once", random)).append('\n');
            }
            String ndjson = file.toString();
            List<Answer> answers = atOnce(IMPORTS, c -> c.post("/api/exchanges/import", "application/x-ndjson", ndjson));
            List<String> counts = answers.stream().filter(a -> a.status() == 200)
                    .map(a -> "created=" + a.json().path("created").asInt() + " unchanged=" + a.json().path("unchanged").asInt())
                    .sorted().toList();
            List<String> expected = new ArrayList<>();
            expected.add("created=" + LINES + " unchanged=0");
            for (int i = 1; i < IMPORTS; i++) {
                expected.add("created=0 unchanged=" + LINES);
            }
            assertAll(
                    () -> assertEquals(Map.of(200, (long) IMPORTS), statuses(answers), () -> "every import answers 200: " + why(answers)),
                    () -> assertEquals(expected.stream().sorted().toList(), counts, "one import creates, the others find every line unchanged"),
                    () -> assertEquals(LINES, Database.count("select count(*) from exchange where natural_key like ?", prefix + "-%")));
        }
        assertEquals(List.of(), SummariesAgree.violations(service));
    }
}
