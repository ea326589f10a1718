package org.liaison.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liaison.ServiceProcess;
import org.liaison.exchange.Acknowledged;
import org.liaison.exchange.Incidents;
import org.liaison.exchange.Result;
import org.liaison.exchange.ServiceClient;
import org.liaison.exchange.SummariesAgree;
import org.liaison.exchange.Writers;

/**
 * Writer scaling (issue 15): 1, 2, 4, 8 and 16 concurrent writers, N seconds each, against a
 * running service over HTTP, each writer doing the mix of ConcurrentWritersTest (creates, If-Match
 * patches and replaces, deletes, stale If-Match, imports, shared-record patches). One Markdown
 * row per level: acknowledged writes per second, the share of write requests that failed (5xx
 * or no answer), single-record write latency (p50, p99, max, whatever the answer), the 500s' causes
 * from the service's log, and whether every acknowledged write and every stats summary held
 * afterwards. A benchmark, not a test: it asserts nothing and is skipped unless -Dbench=true.
 *
 *   bench/writers.sh                        # builds the jar when needed, runs this, writes bench/README.md
 *   ./mvnw test -Dtest=WriterScalingBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false \
 *       [-Dbench.seconds=60] [-Dbench.writers=1,2,4,8,16] [-Dbench.url=http://localhost:8080/] [-Dbench.jvm=-Xmx128m]
 *
 * Without bench.url it starts the packaged default jar (target/quarkus-app, its embedded
 * PostgreSQL and the demo data) on a free port and stops it at the end.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class WriterScalingBenchmark {

    @Test
    void writersScaling() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int[] levels = Arrays.stream(System.getProperty("bench.writers", "1,2,4,8,16").split(",")).mapToInt(s -> Integer.parseInt(s.strip()))
                .toArray();
        String url = System.getProperty("bench.url");
        String jvm = System.getProperty("bench.jvm", "-Xmx128m");
        ServiceProcess started = null;
        try {
            URI base;
            if (url == null) {
                started = ServiceProcess.start("bench-writers", Map.of(), jvm.isBlank() ? List.of() : List.of(jvm.split(" ")));
                started.awaitReady(Duration.ofMinutes(3));
                base = started.uri();
            } else {
                base = URI.create(url.endsWith("/") ? url : url + "/");
            }
            ServiceClient service = new ServiceClient(base);
            String run = Long.toString(System.currentTimeMillis(), 36);
            if (warmup > 0) { // the JIT, the pools and the summaries' rows warm up unmeasured
                Writers.start(service, new Writers.Plan(2, 0, Duration.ofSeconds(warmup), run + "warm")).await();
            }
            List<String> rows = new ArrayList<>();
            Map<String, Integer> before = started == null ? Map.of() : Incidents.inLog(started.output());
            for (int writers : levels) {
                Result r = Writers.start(service, new Writers.Plan(writers, 0, Duration.ofSeconds(seconds), run + "n" + writers)).await();
                Acknowledged ack = r.acknowledged();
                List<String> broken = new ArrayList<>(ack.violations(service));
                broken.addAll(SummariesAgree.violations(service));
                Map<String, Integer> causes = new TreeMap<>();
                if (started != null) {
                    Map<String, Integer> now = Incidents.inLog(started.output());
                    Map<String, Integer> was = before;
                    now.forEach((k, v) -> {
                        int d = v - was.getOrDefault(k, 0);
                        if (d > 0) {
                            causes.put(k, d);
                        }
                    });
                    before = now;
                }
                long unanswered = r.writes().stream().filter(c -> !c.answer().answered()).count();
                if (unanswered > 0) { // a connection closed under a waiting request (quarkus.http.idle-timeout), or the 30-s time-out
                    causes.put("no answer", (int) unanswered);
                }
                long failed = r.writes().stream().filter(c -> c.answer().failed()).count();
                String row = String.format("| %d | %.1f | %.4f (%d of %d) | %.0f | %.0f | %.0f | %s | %s |", writers, r.writesPerSecond(),
                        r.writeErrorRate(), failed, r.writes().size(), r.singleWriteMillis(0.5), r.singleWriteMillis(0.99),
                        r.singleWriteMillis(1), causes.isEmpty() ? "–" : causes.toString().replaceAll("[{}]", "").replace("|", "\\|"),
                        broken.isEmpty() ? "hold" : broken.size() + " broken: " + broken.get(0).replace("|", "\\|"));
                rows.add(row);
                System.out.println(row);
                System.out.println("  " + r.summary());
                broken.stream().limit(5).forEach(b -> System.out.println("  broken: " + b));
            }
            String table = header(seconds, warmup, url == null ? "the default jar (embedded PostgreSQL, demo data), JVM options " + jvm : url)
                    + String.join("\n", rows) + "\n";
            System.out.println("\n" + table);
            Path out = Path.of(System.getProperty("bench.out", "target/bench-writers.md"));
            Files.writeString(out, table);
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    static String header(int seconds, int warmup, String target) {
        return "Run of " + LocalDate.now() + " against " + commit() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores (load average " + loadAverage() + " at the start), service, PostgreSQL and load generator on one machine; "
                + target + "; " + seconds
                + " s per level after a " + warmup + "-s warm-up (2 writers). Latency: every single-record write (POST, PATCH, PUT, "
                + "DELETE), whatever its answer, in ms. Error rate: write requests answered 5xx or not at all. "
                + "Invariants: every acknowledged write as acknowledged, every stats summary equal to its base tables.\n\n"
                + "| writers | acknowledged writes/s | error rate | p50 | p99 | max | failures by cause (service log) | invariants |\n"
                + "|---|---|---|---|---|---|---|---|\n";
    }

    /** The 1-minute load average: the build machine is shared, and a busy one shows in every figure. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The service measured: the last commit that changed src/main ("src/main of 5811e32, 2026-12-02"),
     * since commits of tests and benchmarks change nothing it runs; "an unknown commit" outside a work tree.
     */
    static String commit() {
        try {
            Process p = new ProcessBuilder("git", "log", "-1", "--format=%h, %cs", "--", "src/main").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 && !s.isEmpty() ? "src/main of " + s : "an unknown commit";
        } catch (IOException e) {
            return "an unknown commit";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "an unknown commit";
        }
    }
}
