package org.liaison.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liaison.Database;
import org.liaison.changes.ChangeCursor;
import org.liaison.changes.ChangeFeed;

/**
 * GET /api/changes page times at 1,000 and 1,000,000 changes: a benchmark, not a test (it
 * asserts nothing and is skipped unless -Dbench=true). The exchanges come from
 * analytics-sql/bench/generate.sql; the change log is then rewritten by hand to one "created" row
 * per exchange it should hold (the generator writes as superuser with triggers off and logs
 * nothing itself). Three stores: 1,000 exchanges and changes; 1,000,000 exchanges with a log of
 * 1,000 changes and with one of 1,000,000 (same records, so the difference is the log alone).
 * Medians over HTTP on loopback after warm-up, every page in turns; EXPLAIN of the page query at
 * the largest log goes to bench/explain/changes-page.txt. See bench/README.md.
 *
 *   ./mvnw test -Dtest=ChangeFeedBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ChangeFeedBenchmark {

    static final int WARM_UP = 10;
    static final int TIMED = 31;

    /** HTTP/1.1 on loopback, as curl; a new client after each (minutes-long) generation, whose idle connections the server has closed. */
    private HttpClient http;

    /** The pages timed: limit and where the cursor stands. */
    record PageAt(int limit, String position) {
        long from(long last) {
            return switch (position) {
                case "first page" -> 0;
                case "middle" -> Math.max(0, Math.min(last / 2, last - limit)); // a full page
                case "last full page" -> Math.max(0, last - limit);
                default -> last; // caught up: an empty page
            };
        }

        @Override
        public String toString() {
            return position + " (limit " + limit + ")";
        }
    }

    static final List<PageAt> PAGES = List.of(new PageAt(100, "first page"), new PageAt(100, "middle"),
            new PageAt(100, "last full page"), new PageAt(100, "caught up"), new PageAt(1000, "first page"),
            new PageAt(1000, "middle"), new PageAt(1000, "caught up"));
    static final String SQL = "page query alone, SQL over JDBC (limit 100, middle)";

    /**
     * Three stores: 1,000 exchanges with 1,000 change rows; 1,000,000 exchanges with a log of 1,000
     * rows (every 1,000th exchange) and with a log of 1,000,000 rows. The last two have the same
     * records, so their difference is the log's size alone; they are measured in turns, twice.
     */
    @Test
    void pageTimesAtAThousandAndAMillionChanges() throws Exception {
        int big = Integer.getInteger("bench.n", 1_000_000);
        Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>(); // store -> page -> ms
        String small = "1,000 exchanges, 1,000 changes";
        String bigSmallLog = String.format("%,d exchanges, 1,000 changes", big);
        String bigLog = String.format("%,d exchanges, %,d changes", big, big);

        time(() -> generate(1_000), "1,000 exchanges generated");
        long last = time(() -> log(1), "log of 1,000 rows written");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 1000; i++) { // the JIT, before anything is measured
            get(null, i % 2 == 0 ? 100 : 1000);
        }
        measure(samples, small, last);

        time(() -> generate(big), String.format("%,d exchanges generated", big));
        for (int round = 0; round < 2; round++) {
            last = time(() -> log(big / 1000), "log of 1,000 rows written");
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            measure(samples, bigSmallLog, last);
            last = time(() -> log(1), String.format("log of %,d rows written", big));
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            measure(samples, bigLog, last);
        }
        explain(cursorVersion(last / 2), 100);

        List<String> stores = new ArrayList<>(samples.keySet());
        StringBuilder table = new StringBuilder("\n| page | " + String.join(" | ", stores)
                + " | log size alone (" + bigLog + " / " + bigSmallLog + ") | whole store (" + bigLog + " / " + small + ") |\n|---|");
        table.append("---|".repeat(stores.size() + 2)).append('\n');
        List<String> rows = new ArrayList<>(PAGES.stream().map(PageAt::toString).toList());
        rows.add(SQL);
        for (String row : rows) {
            table.append("| ").append(row).append(" |");
            for (String store : stores) {
                table.append(String.format(" %.2f ms |", median(samples.get(store).get(row))));
            }
            double a = median(samples.get(small).get(row));
            double b = median(samples.get(bigSmallLog).get(row));
            double c = median(samples.get(bigLog).get(row));
            table.append(String.format(" %.2f | %.2f |%n", c / b, c / a));
        }
        System.out.println(table);
    }

    interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T time(Step<T> step, String what) throws Exception {
        long t0 = System.nanoTime();
        T result = step.run();
        System.out.printf("%s in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
        return result;
    }

    /**
     * Every page in turns, round after round, so that a slow moment of this shared machine falls
     * on all of them rather than on one; then the page query alone.
     */
    private void measure(Map<String, Map<String, List<Double>>> samples, String store, long last) throws Exception {
        Map<String, List<Double>> mine = samples.computeIfAbsent(store, k -> new LinkedHashMap<>());
        List<String> cursors = new ArrayList<>();
        for (PageAt p : PAGES) {
            long from = p.from(last);
            cursors.add(from == 0 ? null : cursorAt(from));
        }
        for (int round = -WARM_UP; round < TIMED; round++) {
            for (int k = 0; k < PAGES.size(); k++) {
                long t = System.nanoTime();
                get(cursors.get(k), PAGES.get(k).limit());
                if (round >= 0) {
                    mine.computeIfAbsent(PAGES.get(k).toString(), x -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        mine.computeIfAbsent(SQL, x -> new ArrayList<>()).addAll(sqlTimes(cursorVersion(new PageAt(100, "middle").from(last)), 100));
        mine.forEach((page, ms) -> System.out.printf("%s: %s: median %.2f ms (%d requests)%n", store, page, median(ms), ms.size()));
    }

    private static double median(List<Double> ms) {
        return median(ms.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The page query alone, as the service sends it but over JDBC: what the cursor index costs. */
    private static List<Double> sqlTimes(ChangeCursor at, int limit) throws SQLException {
        String sql = ChangeFeed.PAGE.replace("$1", "?").replace("$2", "?").replace("$3", "?");
        List<Double> ms = new ArrayList<>();
        try (Connection c = Database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int round = -WARM_UP; round < TIMED; round++) {
                ps.setLong(1, at.version());
                ps.setObject(2, at.exchangeId());
                ps.setInt(3, limit + 1);
                long t = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
                if (round >= 0) {
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        return ms;
    }

    private void get(String cursor, int limit) throws Exception {
        String uri = "http://localhost:" + RestAssured.port + "/api/changes?limit=" + limit + (cursor == null ? "" : "&after=" + cursor);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    /** analytics-sql/bench/generate.sql over JDBC, as SyntheticData (stats tests) runs it: the psql lines skipped. */
    private static Void generate(int n) throws SQLException {
        String file;
        try (InputStream in = ChangeFeedBenchmark.class.getClassLoader().getResourceAsStream("analytics-sql/bench/generate.sql")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sql = file.substring(0, file.indexOf("-- psql only from here")).lines()
                .filter(l -> !l.stripLeading().startsWith("\\")).collect(Collectors.joining("\n"));
        try (Connection c = Database.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
            st.execute("select synthetic_generate(" + n + ")");
        }
        return null;
    }

    /**
     * The log rewritten: one "created" for every {@code every}-th generated exchange (by id), as
     * the log of a store of that many changes holds; returns the data version at its end.
     */
    private static long log(int every) throws SQLException {
        try (Connection c = Database.connect(); Statement st = c.createStatement()) {
            st.execute("truncate change_log");
            st.execute("""
                    insert into change_log (version, exchange_id, change, changed_at)
                    select row_number() over (order by id), public_id, 'created', created_at
                    from (select id, public_id, created_at, row_number() over (order by id) as n
                          from exchange where natural_key like 'synthetic-%') x
                    where n % """ + every + " = 0");
            st.execute("update data_version set version = greatest(version, (select max(version) from change_log))");
            st.execute("vacuum analyze change_log");
            st.execute("analyze exchange");
            try (ResultSet rs = st.executeQuery("select max(version) from change_log")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static ChangeCursor cursorVersion(long version) throws SQLException {
        try (Connection c = Database.connect();
                PreparedStatement ps = c.prepareStatement("select exchange_id from change_log where version = ? order by exchange_id limit 1")) {
            ps.setLong(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ChangeCursor(version, (UUID) rs.getObject(1));
            }
        }
    }

    private static String cursorAt(long version) throws SQLException {
        return cursorVersion(version).encode();
    }

    /** The plan of the feed's page query (ChangeFeed.PAGE) from the middle of the log. */
    private static void explain(ChangeCursor at, int limit) throws Exception {
        List<String> lines = new ArrayList<>();
        // the service's own query, its parameters written in (a number and an id read from the log)
        String sql = "explain (analyze, buffers) " + ChangeFeed.PAGE.replace("$1", Long.toString(at.version()))
                .replace("$2", "'" + at.exchangeId() + "'::uuid").replace("$3", Integer.toString(limit + 1));
        try (Connection c = Database.connect()) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from change_log")) {
                rs.next();
                lines.add(0, "-- ChangeFeed's page query, " + rs.getLong(1) + " change rows, cursor in the middle, limit "
                        + limit + " (+1 to tell whether more follow); ChangeFeedBenchmark");
            }
        }
        Path out = Path.of("bench/explain/changes-page.txt");
        Files.writeString(out, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }
}
