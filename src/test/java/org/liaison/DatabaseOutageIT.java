package org.liaison;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.liaison.exchange.Incidents;
import org.liaison.exchange.LoadRecords;
import org.liaison.exchange.Result;
import org.liaison.exchange.ServiceClient;
import org.liaison.exchange.ServiceClient.Answer;
import org.liaison.exchange.SummariesAgree;
import org.liaison.exchange.Writers;
import org.liaison.exchange.Writers.Call;

/**
 * Issue 15: the database goes away under load and comes back. The packaged service (the jar, or
 * the native executable) runs against a PostgreSQL of this test's own, on a fixed port and data
 * directory so that it can be stopped and started again as an operator restarts it, while
 * writers and readers keep sending. While the database is down a request that needs it is
 * answered 503, application/problem+json, with Retry-After (never a 500, never no answer); every
 * write acknowledged before or after is there afterwards; within 2 s of the database's return
 * every request is answered correctly again. And a service started while its database is still
 * down waits for it instead of exiting (as under an orchestrator that starts both at once):
 * Flyway's connect retries for a service that migrates at start, the schema check's own waiting
 * (org.liaison.schema) for one that leaves migrations to their own step.
 */
class DatabaseOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(5);
    static final Duration BACK_WITHIN = Duration.ofSeconds(2);
    static final Duration READY = Duration.ofMinutes(2);

    static Map<String, String> settings(StoppablePostgres postgres) {
        Map<String, String> s = new TreeMap<>(postgres.datasource());
        s.put("liaison.demo-data", "false");
        return s;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    @Test
    void aDatabaseOutageUnderLoadIsAnswered503AndLosesNoAcknowledgedWrite() throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.create("outage")) {
            postgres.start();
            try (ServiceProcess service = ServiceProcess.start("outage-under-load", settings(postgres), List.of())) {
                service.awaitReady(READY);
                ServiceClient client = new ServiceClient(service.uri());
                Writers.Load load = Writers.start(client, new Writers.Plan(4, 2, null, "outage"));
                Thread.sleep(4000);
                long down = System.nanoTime();
                postgres.stop();
                long stopped = System.nanoTime();
                Thread.sleep(OUTAGE.toMillis());
                long restarting = System.nanoTime();
                postgres.start();
                long up = System.nanoTime();
                Thread.sleep(6000);
                load.stop();
                Result r = load.await();
                String log = service.output();

                List<Call> during = r.where(c -> c.answer().startNanos() >= stopped && c.answer().startNanos() < restarting);
                List<Call> after = r.where(c -> c.answer().startNanos() >= up + BACK_WITHIN.toNanos());
                List<Call> notProblem503 = r.where(c -> c.answer().failed() && !unavailable(c.answer()));
                List<Call> refusedDuring = r.where(c -> c.op().write() && unavailable(c.answer())
                        && c.answer().startNanos() >= stopped && c.answer().startNanos() < restarting);
                List<Call> wrongAfter = after.stream().filter(c -> !c.expected()).toList();
                Optional<Call> firstRead = r.calls().stream().filter(c -> !c.op().write() && c.expected() && c.answer().startNanos() >= up).findFirst();
                Optional<Call> firstWrite = r.calls().stream().filter(c -> c.op().write() && c.expected() && c.answer().ok()
                        && c.answer().startNanos() >= up).findFirst();
                System.out.printf("DatabaseOutageIT: stop took %.1f s, restart %.1f s; %d requests during the outage (%d writes answered 503); "
                        + "first correct read %.2f s and write %.2f s after the restart; %s; incidents: %s%n",
                        seconds(stopped - down), seconds(up - restarting), during.size(), refusedDuring.size(),
                        firstRead.map(c -> seconds(c.answer().endNanos() - up)).orElse(Double.NaN),
                        firstWrite.map(c -> seconds(c.answer().endNanos() - up)).orElse(Double.NaN), r.summary(), Incidents.inLog(log));

                List<String> broken = r.acknowledged().violations(client);
                List<String> summaries = SummariesAgree.violations(client);
                assertAll(
                        () -> assertEquals(0, notProblem503.size(), () -> notProblem503.size() + " failures were not a 503 problem+json "
                                + "with Retry-After (answers: " + r.statusesByOp() + "; incidents by cause: " + Incidents.inLog(log) + "):\n"
                                + Result.samples(notProblem503, 5)),
                        () -> assertTrue(!refusedDuring.isEmpty(), () -> "no write sent while the database was down was answered 503 "
                                + "problem+json with Retry-After; during the outage: " + statuses(during)),
                        () -> assertEquals(0, wrongAfter.size(), () -> wrongAfter.size() + " of the " + after.size() + " requests sent "
                                + BACK_WITHIN.toSeconds() + " s or more after the database was back were not answered correctly:\n"
                                + Result.samples(wrongAfter, 5)),
                        () -> assertTrue(after.stream().anyMatch(c -> c.op().write() && c.answer().ok())
                                && after.stream().anyMatch(c -> !c.op().write() && c.answer().ok()),
                                () -> "reads and writes succeed once the database is back: " + statuses(after)),
                        () -> assertEquals(List.of(), broken, "acknowledged writes that do not hold after the outage"),
                        () -> assertEquals(List.of(), summaries, "stats summaries that differ from the base tables after the outage"),
                        () -> assertTrue(service.alive(), () -> "the service exited:\n" + service.tail(30)));
            }
        }
    }

    @Test
    void aServiceStartedBeforeItsDatabaseWaitsForItAndThenServes() throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.create("late")) {
            postgres.start(); // initdb once, so that the later start is a plain start
            postgres.stop();
            startBeforeTheDatabase(postgres, "outage-database-starts-later", settings(postgres)); // Flyway waits for it
        }
    }

    /** The same for a service that leaves migrations to their own step: its schema check (org.liaison.schema) waits. */
    @Test
    void aServiceThatDoesNotMigrateAlsoWaitsForItsDatabase() throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.create("late-checked")) {
            postgres.start();
            try (ServiceProcess migrate = ServiceProcess.start("late-migrate", MigrateCommandIT.migrating(postgres), List.of(),
                    List.of("migrate"))) {
                assertEquals(0, migrate.awaitExit(READY), migrate.tail(30));
            }
            postgres.stop();
            startBeforeTheDatabase(postgres, "outage-database-starts-later-checked", MigrateCommandIT.serving(postgres));
        }
    }

    static void startBeforeTheDatabase(StoppablePostgres postgres, String name, Map<String, String> settings) throws Exception {
        try (ServiceProcess service = ServiceProcess.start(name, settings, List.of())) {
            // timed from the service's first attempt to reach its database, not from its exec: on a busy
            // machine the JVM once took over 5 s to get there, and the database was up before it looked
            boolean tried = postgres.awaitConnectionAttempt(READY);
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < OUTAGE.toNanos()) {
                assertTrue(service.alive(), () -> String.format("the service exited %.1f s after it %s, while its database was "
                        + "still down: %s%n%s", seconds(System.nanoTime() - t0), tried ? "first tried to reach its database" : "started",
                        service.firstError(), service.tail(12)));
                Thread.sleep(100);
            }
            postgres.start();
            long up = System.nanoTime();
            service.awaitReady(READY);
            System.out.printf("DatabaseOutageIT: ready %.1f s after its database started%n", seconds(System.nanoTime() - up));
            ServiceClient client = new ServiceClient(service.uri());
            String body = LoadRecords.exchange("late-database-1", "written once the database came up", new Random(1)).toString();
            Answer created = client.post("/api/exchanges", "application/json", body);
            assertEquals(201, created.status(), created::excerpt);
            assertEquals(200, client.get("/api/exchanges/" + created.json().path("id").asText()).status());
        }
    }

    /** What a request that needs the database gets while it is away. */
    static boolean unavailable(Answer a) {
        return a.status() == 503 && a.contentType() != null && a.contentType().startsWith("application/problem+json")
                && a.retryAfter() != null && !a.retryAfter().isBlank();
    }

    static String statuses(List<Call> calls) {
        Map<String, Integer> m = new TreeMap<>();
        for (Call c : calls) {
            m.merge((c.op().write() ? "write " : "read ") + c.answer().status(), 1, Integer::sum);
        }
        return m.toString();
    }
}
