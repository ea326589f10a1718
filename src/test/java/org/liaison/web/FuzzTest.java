package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.liaison.Database;

/**
 * Hostile input never gives a 5xx (issue 15), checked property by property on generated
 * requests: every endpoint of /q/openapi with junk query parameters and headers, writes with
 * mutated exchanges, merge patches, imports and articles ({@link FuzzInputs}). For every answer:
 * no 5xx; every 4xx is application/problem+json with type, title, status and detail; no Java
 * type name, stack trace or SQL in an error; and a refused write leaves the data as it was (the
 * exchange total of GET /api/exchanges, the data_version of GET /api/stats/summary, the rows of
 * every table a write touches). An extraction writes nothing whatever it answers.
 *
 * <p>The seed is fixed, so a run is repeatable, and printed; {@code -Dfuzz.seed=N} (or
 * {@code random}) and {@code -Dfuzz.tries=N} (requests over the three tests, default
 * {@value #DEFAULT_TRIES}) run other inputs. Records the tests create are deleted at the end.
 */
@QuarkusTest
class FuzzTest {

    static final long DEFAULT_SEED = 15; // issue 15
    static final int DEFAULT_TRIES = 2000;
    static final ObjectMapper JSON = new ObjectMapper();

    /** A Java type name (org.liaison.web.Problem, java.lang.String), a stack trace, an exception, a database message, Jackson's words. */
    static final Pattern LEAK = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*|Exception|\\tat "
            + "|Caused by|SQLSTATE|SQL state|ERROR: |duplicate key|violates|syntax error|\\bFeature\\b|FAIL_ON|`");

    /** The run's seed: -Dfuzz.seed, a new one for -Dfuzz.seed=random (the same for every test of the run), else the default. */
    static long seed() {
        return SEED;
    }

    private static final long SEED = parseSeed(System.getProperty("fuzz.seed", "").strip());

    private static long parseSeed(String s) {
        if (s.isEmpty()) {
            return DEFAULT_SEED;
        }
        return s.equals("random") ? new java.security.SecureRandom().nextLong() >>> 1 : Long.parseLong(s);
    }

    static int tries() {
        return Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
    }

    // ---- the properties ----

    @Test
    void readsWithJunkParametersAndHeadersAnswerProblemsNeverA5xx() {
        Run run = new Run("reads", 1, tries() * 45 / 100);
        List<String[]> endpoints = endpoints("get");
        State before = run.state();
        List<String> ids = List.of(given().get("/api/exchanges?limit=1").<String>path("items[0].id"));
        for (int i = 0; i < run.tries; i++) {
            String[] e = run.in.pick(endpoints);
            String path = path(run.in, e[0], ids);
            String query = run.in.query(e[1].isEmpty() ? List.of() : List.of(e[1].split(",")));
            run.send(new FuzzHttp.Request("GET", path + (query.isEmpty() && !run.in.chance(0.05) ? "" : "?" + query),
                    run.in.readHeaders(), null));
        }
        assertEquals(before, run.state(), "reads write nothing");
        run.finish();
    }

    @Test
    void writesWithMutatedExchangesArePassedOrRefusedWithAProblemAndRefusedOnesWriteNothing() {
        Run run = new Run("writes", 2, tries() * 35 / 100);
        Set<String> existing = exportedIds();
        String own = given().contentType("application/json").body(new String(run.in.json(run.in.exchange()), StandardCharsets.UTF_8))
                .post("/api/exchanges").then().statusCode(201).extract().path("id");
        try {
            for (int i = 0; i < run.tries; i++) {
                FuzzInputs in = run.in;
                String target = "/api/exchanges/" + in.segment("id", List.of(own));
                String query = in.chance(0.05) ? "?" + in.query(List.of("limit", "force", "q")) : "";
                run.send(in, switch (in.between(0, 9)) {
                    case 0, 1, 2, 3 -> new FuzzHttp.Request("POST", "/api/exchanges" + query, in.writeHeaders("application/json"),
                            in.exchangeBody());
                    case 4, 5 -> new FuzzHttp.Request("PUT", target + query, in.writeHeaders("application/json"), in.exchangeBody());
                    case 6, 7 -> new FuzzHttp.Request("PATCH", target + query,
                            in.writeHeaders(in.chance(0.7) ? MediaTypes.MERGE_PATCH : "application/json"), in.patch());
                    case 8 -> new FuzzHttp.Request("DELETE", "/api/exchanges/" + in.segment("id", List.of()) + query,
                            in.readHeaders(), null);
                    default -> new FuzzHttp.Request(in.pick("DELETE", "PUT", "POST", "PATCH"),
                            in.pick("/api/themes", "/api/localities", "/api/people/1", "/api/stats/summary", "/api/exchanges/export",
                                    "/api/nothing", "/api/exchanges/" + own + "/x"),
                            in.writeHeaders("application/json"), in.chance(0.5) ? in.exchangeBody() : null);
                });
            }
        } finally {
            deleteAllBut(existing);
        }
        run.finish();
    }

    @Test
    void importsAndArticlesArePassedOrRefusedWithAProblemAndExtractionWritesNothing() {
        Run run = new Run("imports-articles", 3, tries() - tries() * 45 / 100 - tries() * 35 / 100);
        Set<String> existing = exportedIds();
        try {
            for (int i = 0; i < run.tries; i++) {
                FuzzInputs in = run.in;
                run.send(in, switch (in.between(0, 4)) {
                    case 0, 1 -> new FuzzHttp.Request("POST", "/api/exchanges/import", in.writeHeaders(MediaTypes.NDJSON), in.ndjson());
                    case 2, 3 -> new FuzzHttp.Request("POST", "/api/articles/extract", in.writeHeaders("application/json"),
                            in.article());
                    default -> new FuzzHttp.Request("POST", "/api/articles", in.writeHeaders("application/json"), in.article());
                });
            }
        } finally {
            deleteAllBut(existing);
        }
        run.finish();
    }

    // ---- one run: the requests, their checks, the failures ----

    /** The requests of one test, checked as they are answered; the failures are reported together at the end. */
    static final class Run {
        final String name;
        final long seed;
        final int tries;
        final FuzzInputs in;
        final List<String> failures = new ArrayList<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        private State state;
        private int sent;
        private final long started = System.nanoTime();

        Run(String name, int salt, int tries) {
            this.name = name;
            this.seed = seed();
            this.tries = tries;
            // each test draws from a stream of its own, so that one test replays alone with the same seed
            this.in = new FuzzInputs(seed * 31 + salt);
            System.out.printf("Fuzz %s: seed %d, %d requests (another run: -Dfuzz.seed=N or random, -Dfuzz.tries=N)%n", name, seed,
                    tries);
        }

        /** A generated write: one whose body is not well-formed JSON (some line, for an import) must be refused. */
        FuzzHttp.Answer send(FuzzInputs in, FuzzHttp.Request r) {
            boolean malformed = in.takeMalformed();
            FuzzHttp.Answer a = send(r);
            if (malformed && a.status() >= 200 && a.status() < 300) {
                failures.add("#" + sent + " [a body that is not well-formed JSON was accepted]\n  " + r.describe() + "\n  -> "
                        + a.describe());
            }
            return a;
        }

        FuzzHttp.Answer send(FuzzHttp.Request r) {
            // an extraction is a dry run: whatever it answers, it writes nothing
            boolean dry = r.target().startsWith("/api/articles/extract");
            State before = r.isWrite() ? (state != null ? state : state()) : null;
            FuzzHttp.Answer a = FuzzHttp.send(r);
            sent++;
            statuses.merge(a.status(), 1, Integer::sum);
            List<String> problems = problems(r, a);
            if (before != null) {
                if (a.status() >= 400 || dry) {
                    State after = state();
                    if (!after.equals(before)) {
                        problems.add((dry ? "an extraction" : "a refused write") + " changed the data: " + before + " -> " + after);
                    }
                    state = after;
                } else {
                    state = null; // a write that passed: read the state afresh before the next one
                }
            }
            if (!problems.isEmpty()) {
                failures.add("#" + sent + " " + problems + "\n  " + r.describe() + "\n  -> " + a.describe());
            }
            return a;
        }

        State state() {
            return FuzzTest.state();
        }

        void finish() {
            System.out.printf("Fuzz %s: %d requests in %.1f s, statuses %s, %d failures%n", name, sent,
                    (System.nanoTime() - started) / 1e9, statuses, failures.size());
            assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " requests failed (seed " + seed + ", -Dfuzz.seed=" + seed
                    + " -Dfuzz.tries=" + tries() + " replays them):\n" + String.join("\n", failures.subList(0, Math.min(25,
                            failures.size()))));
        }
    }

    /** What is wrong with an answer, whatever the request: a 5xx, an error that is not a problem document, a leak. */
    static List<String> problems(FuzzHttp.Request r, FuzzHttp.Answer a) {
        List<String> out = new ArrayList<>();
        if (a.status() < 0) {
            out.add("no HTTP answer");
            return out;
        }
        if (a.status() >= 500) {
            out.add("a 5xx");
        }
        if (a.status() >= 400 && !r.method().equals("HEAD")) {
            String type = a.header("content-type");
            if (type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
                out.add("an error that is not " + Problem.MEDIA_TYPE);
            } else {
                try {
                    JsonNode p = JSON.readTree(a.body());
                    if (!p.path("type").asText().startsWith("urn:liaison:problem:")) {
                        out.add("no problem type");
                    }
                    if (p.path("title").asText().isBlank() || p.path("detail").asText().isBlank()) {
                        out.add("no title or detail");
                    }
                    if (p.path("status").asInt() != a.status()) {
                        out.add("status " + p.path("status") + " in the body");
                    }
                } catch (IOException e) {
                    out.add("a problem body that is not JSON");
                }
            }
            String text = a.text();
            var leak = LEAK.matcher(text.length() > 50_000 ? text.substring(0, 50_000) : text);
            if (leak.find()) {
                out.add("'" + leak.group() + "' in the error");
            }
        }
        return out;
    }

    // ---- the data, as a client and as the database see it ----

    /** The exchange total, the data version and the rows of every table a write touches. */
    record State(long exchanges, long dataVersion, String rows) {
    }

    private static int nonce;

    static State state() {
        long total = get("/api/exchanges?limit=1&status=draft,verified,rejected").path("total").asLong(-1);
        // a filter of its own each time: an answer computed now, not one the stats cache kept
        String from = LocalDate.of(1900, 1, 1).plusDays(nonce++ % 36_000).toString();
        long version = get("/api/stats/summary?status=draft,verified,rejected&from=" + from).path("data_version").asLong(-1);
        return new State(total, version, rows());
    }

    private static JsonNode get(String target) {
        FuzzHttp.Answer a = FuzzHttp.send(new FuzzHttp.Request("GET", target, Map.of(), null));
        assertEquals(200, a.status(), target + " -> " + a.describe());
        try {
            return JSON.readTree(a.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> TABLES = List.of("exchange", "participant", "person", "person_alias", "source", "exchange_source",
            "exchange_locality", "exchange_theme");

    static String rows() {
        String sql = "select " + String.join(", ", TABLES.stream().map(t -> "(select count(*) from " + t + ")").toList());
        try (Statement s = connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < TABLES.size(); i++) {
                out.add(TABLES.get(i) + "=" + rs.getLong(i + 1));
            }
            return String.join(" ", out);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connection;

    /** One connection for the many counts of a run (a new one only when the test database changed, or it broke). */
    private static synchronized Connection connection() throws SQLException {
        if (connection != null && connection.isValid(2)) {
            String url = System.getProperty(org.liaison.ItDatabase.JDBC_URL, org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse(""));
            if (connection.getMetaData().getURL().equals(url)) {
                return connection;
            }
        }
        if (connection != null) {
            connection.close();
        }
        connection = Database.connect();
        return connection;
    }

    /** The ids of every stored exchange, from the export. */
    static Set<String> exportedIds() {
        Set<String> ids = new LinkedHashSet<>();
        String ndjson = given().get("/api/exchanges/export?status=draft,verified,rejected").then().statusCode(200).extract().asString();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                try {
                    ids.add(JSON.readTree(line).path("id").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return ids;
    }

    /** Deletes what a test created: every exchange not among {@code keep}. */
    static void deleteAllBut(Set<String> keep) {
        for (String id : exportedIds()) {
            if (!keep.contains(id)) {
                given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
            }
        }
    }

    // ---- the endpoints, as /q/openapi lists them ----

    /** {path, comma-separated query parameters} of every operation with that method. */
    static List<String[]> endpoints(String method) {
        List<String[]> out = new ArrayList<>();
        try {
            JsonNode paths = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asByteArray())
                    .path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> p = it.next();
                JsonNode op = p.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                op.path("parameters").forEach(x -> {
                    if (x.path("in").asText().equals("query")) {
                        names.add(x.path("name").asText());
                    }
                });
                out.add(new String[] { p.getKey(), String.join(",", names) });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(out.size() >= 15, "the OpenAPI document lists the API's " + method + " operations: " + out.size());
        return out;
    }

    /** The path with its {id} or {code} filled in: a real one, a random one, or junk. */
    static String path(FuzzInputs in, String template, List<String> ids) {
        String path = template;
        if (path.contains("{id}")) {
            path = path.replace("{id}", in.segment("id", template.startsWith("/api/people") ? List.of("1", "2") : ids));
        }
        if (path.contains("{code}")) {
            path = path.replace("{code}", in.segment("code", List.of("VN-HN", "CN-GX", "VN-07", "CN-450600")));
        }
        return path;
    }
}
