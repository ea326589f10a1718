package org.liaison.changes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.liaison.Database;
import org.liaison.exchange.ExchangeResourceTest;

/**
 * GET /api/changes over real writes: creates, updates and deletes in commit order, a delete as a
 * tombstone, resuming from any cursor sees each change once, and a reader following the feed
 * while several writers commit misses none of their acknowledged changes.
 */
@QuarkusTest
public class ChangeFeedTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One page after {@code after} (null: from the start). */
    static JsonPath page(String after, Integer limit) {
        var r = given();
        if (after != null) {
            r = r.queryParam("after", after);
        }
        if (limit != null) {
            r = r.queryParam("limit", limit);
        }
        return r.get("/api/changes").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** Reads to the end from {@code after}; returns the entries and the cursor to poll from. */
    static Map.Entry<List<Map<String, Object>>, String> drain(String after, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = after;
        while (true) {
            JsonPath p = page(cursor, limit);
            List<Map<String, Object>> got = p.getList("items");
            items.addAll(got);
            String next = p.getString("next");
            assertNotNull(next, "next is never null");
            if (got.isEmpty()) {
                assertFalse(p.getBoolean("more"));
                if (cursor != null) {
                    assertEquals(cursor, next, "an empty page hands the same cursor back");
                }
                return Map.entry(items, next);
            }
            assertEquals(got.get(got.size() - 1).get("cursor"), next, "next is the last item's cursor");
            cursor = next;
        }
    }

    /**
     * The cursor after every change so far, from the log itself: the other test classes sharing
     * the database may have logged thousands of changes, which the tests here need not read.
     */
    static String end() {
        try (var c = Database.connect(); var st = c.createStatement();
                var rs = st.executeQuery("select version, exchange_id from change_log order by version desc, exchange_id desc limit 1")) {
            return rs.next() ? new ChangeCursor(rs.getLong(1), (UUID) rs.getObject(2)).encode() : ChangeCursor.START.encode();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fromTheStartTheFeedHoldsTheDemoData() {
        JsonPath first = page(null, 5);
        assertEquals(5, first.getList("items").size());
        assertTrue(first.getBoolean("more"));
        assertEquals("created", first.getString("items[0].change"));
        if (first.get("items[0].exchange") != null) { // unless a test has deleted that record since
            assertEquals(first.getString("items[0].id"), first.getString("items[0].exchange.id"));
        }
        assertEquals(first.getString("items[4].cursor"), first.getString("next"));
        assertEquals(drain(null, ChangeFeed.MAX_LIMIT).getValue(), end(), "reading on to the end reaches the log's last change");
    }

    static String body(String key, String date) {
        return ExchangeResourceTest.exchange(date, ", \"key\": \"" + key + "\"");
    }

    static String create(String key, String date) {
        return ExchangeResourceTest.post(body(key, date)).then().statusCode(201).extract().path("id");
    }

    static void patchNotes(String id, String notes) {
        given().contentType("application/merge-patch+json").body("{\"notes\": \"" + notes + "\"}")
                .patch("/api/exchanges/" + id).then().statusCode(200);
    }

    static List<Map<String, Object>> of(List<Map<String, Object>> items, Set<String> ids) {
        return items.stream().filter(i -> ids.contains(String.valueOf(i.get("id")))).toList();
    }

    @Test
    void aCreateAnUpdateAndADeleteAppearInOrderTheDeleteAsATombstone() {
        String from = end();
        String id = create("feed-order-" + UUID.randomUUID(), "2005-06-07");
        patchNotes(id, "checked");
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);

        List<Map<String, Object>> mine = of(drain(from, 50).getKey(), Set.of(id));
        assertEquals(List.of("created", "updated", "deleted"), mine.stream().map(i -> i.get("change")).toList());
        Map<String, Object> tombstone = mine.get(2);
        assertFalse(tombstone.containsKey("exchange"), "a tombstone has no body: " + tombstone);
        assertEquals(1, tombstone.get("version"), "the version the record had when it was deleted");
        // the record is gone: the earlier entries have no body either, and the same last version
        for (Map<String, Object> e : mine.subList(0, 2)) {
            assertFalse(e.containsKey("exchange"), e::toString);
            assertEquals(1, e.get("version"));
            assertNotNull(e.get("changed_at"));
        }
    }

    @Test
    void bodiesAreTheRecordAsGetAnswersIt() throws Exception {
        String from = end();
        String id = create("feed-body-" + UUID.randomUUID(), "2005-06-08");
        patchNotes(id, "first");
        patchNotes(id, "second");
        JsonNode record = JSON.readTree(given().get("/api/exchanges/" + id).then().statusCode(200).extract().asString());
        JsonNode feed = JSON.readTree(given().queryParam("after", from).get("/api/changes").then().statusCode(200).extract().asString());
        List<JsonNode> mine = new ArrayList<>();
        feed.path("items").forEach(i -> {
            if (i.path("id").asText().equals(id)) {
                mine.add(i);
            }
        });
        assertEquals(List.of("created", "updated", "updated"), mine.stream().map(i -> i.path("change").asText()).toList());
        for (JsonNode i : mine) {
            assertEquals(record, i.path("exchange"), "the body is GET /api/exchanges/{id} now");
            assertEquals(2, i.path("version").asInt(), "the record's version now");
        }
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
    }

    @Test
    void resumingFromAnyCursorSeesEachChangeExactlyOnce() {
        String from = end();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            String id = create("feed-resume-" + UUID.randomUUID(), "2005-07-0" + (i + 1));
            ids.add(id);
            patchNotes(id, "n" + i);
        }
        given().delete("/api/exchanges/" + ids.iterator().next() + "?reason=test").then().statusCode(204);

        List<Map<String, Object>> whole = drain(from, ChangeFeed.MAX_LIMIT).getKey();
        assertEquals(9, of(whole, ids).size(), "4 creates, 4 updates, 1 delete: " + whole);
        // page by page, two at a time, each time from the cursor the last page handed out
        List<Map<String, Object>> paged = drain(from, 2).getKey();
        assertEquals(cursors(whole), cursors(paged));
        // from the middle: exactly the rest
        for (int k = 0; k < whole.size(); k++) {
            List<Map<String, Object>> rest = drain((String) whole.get(k).get("cursor"), 3).getKey();
            assertEquals(cursors(whole.subList(k + 1, whole.size())), cursors(rest), "resumed after entry " + k);
        }
        assertEquals(whole.size(), new HashSet<>(cursors(whole)).size(), "no entry twice");
        // caught up: an empty page, the same cursor back
        String last = (String) whole.get(whole.size() - 1).get("cursor");
        JsonPath caughtUp = page(last, null);
        assertEquals(List.of(), caughtUp.getList("items"));
        assertEquals(last, caughtUp.getString("next"));
        assertFalse(caughtUp.getBoolean("more"));
        assertEquals(ChangeFeed.DEFAULT_LIMIT, caughtUp.getInt("limit"));
    }

    @Test
    void aFullPageSaysMoreFollow() {
        String from = end();
        String id = create("feed-more-" + UUID.randomUUID(), "2005-08-01");
        patchNotes(id, "x");
        JsonPath first = page(from, 1);
        assertTrue(first.getBoolean("more"));
        JsonPath second = page(first.getString("next"), 1);
        assertFalse(second.getBoolean("more"));
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
    }

    static List<Object> cursors(List<Map<String, Object>> items) {
        return items.stream().map(i -> i.get("cursor")).toList();
    }

    @Test
    void badCursorsAndLimitsAre400sNamingTheParameter() {
        String ahead = new ChangeCursor(Long.MAX_VALUE / 2, UUID.randomUUID()).encode();
        String valid = end();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("after=nonsense", "after");
        cases.put("after=" + "A".repeat(34), "after"); // base64 of the right length, wrong format byte
        cases.put("after=" + valid.substring(0, valid.length() - 2), "after");
        cases.put("after=" + ahead, "after");
        cases.put("after=" + valid + "&after=" + valid, "after");
        cases.put("limit=0", "limit");
        cases.put("limit=" + (ChangeFeed.MAX_LIMIT + 1), "limit");
        cases.put("limit=ten", "limit");
        cases.put("limit=", "limit");
        cases.put("since=" + valid, "since");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            given().urlEncodingEnabled(false).get("/api/changes?" + c.getKey()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("urn:liaison:problem:invalid-parameter"))
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo(c.getValue()));
        }
    }

    /**
     * Several writers create, update and delete while a reader follows the feed a few entries at a
     * time; afterwards every acknowledged change is in what the reader saw, exactly once.
     */
    @Test
    void aReaderFollowingTheFeedWhileWritersCommitMissesNothing() throws Exception {
        String from = end();
        int writers = 4;
        // 8 s, and on a loaded machine until 40 changes are acknowledged (at most 60 s)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        long hardStop = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        AtomicInteger total = new AtomicInteger();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>(); // "id change" -> count
        Set<String> uncertain = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    int n = 0;
                    while ((System.nanoTime() < until || total.get() < 40) && System.nanoTime() < hardStop) {
                        String key = "feed-concurrent-" + run + "-" + writer + "-" + n;
                        Response c = ExchangeResourceTest.post(body(key, "2006-0" + (writer + 1) + "-1" + (n % 10)));
                        if (c.statusCode() != 201) {
                            uncertain.add(key);
                            n++;
                            continue;
                        }
                        String id = c.path("id");
                        ack(acknowledged, total, id, "created");
                        Response u = given().contentType("application/merge-patch+json").body("{\"notes\": \"w" + n + "\"}")
                                .patch("/api/exchanges/" + id);
                        if (u.statusCode() == 200) {
                            ack(acknowledged, total, id, "updated");
                        } else {
                            uncertain.add(id);
                        }
                        if (n % 2 == 0) {
                            Response d = given().delete("/api/exchanges/" + id + "?reason=test");
                            if (d.statusCode() == 204) {
                                ack(acknowledged, total, id, "deleted");
                            } else {
                                uncertain.add(id);
                            }
                        }
                        n++;
                    }
                    return null;
                }));
            }
            List<Map<String, Object>> seen = new ArrayList<>();
            int[] pagesWhileWriting = { 0 };
            Future<String> reader = pool.submit(() -> {
                String cursor = from;
                while (writing.get()) {
                    JsonPath p = page(cursor, 5);
                    seen.addAll(p.getList("items"));
                    cursor = p.getString("next");
                    pagesWhileWriting[0]++;
                }
                return cursor;
            });
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            String cursor = reader.get(1, TimeUnit.MINUTES);
            seen.addAll(drain(cursor, 5).getKey()); // what was committed after the reader's last page

            System.out.printf("feed under %d writers: %d acknowledged changes, %d uncertain, %d entries read in %d pages while "
                    + "writing%n", writers, acknowledged.values().stream().mapToInt(AtomicInteger::get).sum(), uncertain.size(),
                    seen.size(), pagesWhileWriting[0]);
            assertTrue(pagesWhileWriting[0] >= 3, "the reader followed the feed while the writers wrote: " + pagesWhileWriting[0]);
            assertEquals(seen.size(), new HashSet<>(cursors(seen)).size(), "no entry twice");
            Map<String, Integer> counted = new HashMap<>();
            for (Map<String, Object> e : seen) {
                counted.merge(e.get("id") + " " + e.get("change"), 1, Integer::sum);
            }
            List<String> wrong = new ArrayList<>();
            acknowledged.forEach((k, n) -> {
                if (!Integer.valueOf(n.get()).equals(counted.get(k))) {
                    wrong.add(k + ": acknowledged " + n.get() + ", in the feed " + counted.get(k));
                }
            });
            assertEquals(List.of(), wrong);
            assertTrue(total.get() >= 40, "changes acknowledged: " + total.get() + ", uncertain " + uncertain);
            // and in commit order: a record's own changes never go backwards
            Map<String, List<String>> byRecord = new HashMap<>();
            for (Map<String, Object> e : seen) {
                byRecord.computeIfAbsent((String) e.get("id"), k -> new ArrayList<>()).add((String) e.get("change"));
            }
            byRecord.forEach((id, changes) -> {
                if (acknowledged.containsKey(id + " created")) {
                    assertEquals("created", changes.get(0), id + " " + changes);
                    if (changes.contains("deleted")) {
                        assertEquals("deleted", changes.get(changes.size() - 1), id + " " + changes);
                    }
                }
            });
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    private static void ack(Map<String, AtomicInteger> acknowledged, AtomicInteger total, String id, String change) {
        acknowledged.computeIfAbsent(id + " " + change, k -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
    }

    /** Like OpenApiTest: every status and media type /api/changes answers is documented for it. */
    @Test
    void everyAnswerIsDocumented() throws Exception {
        JsonNode op = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString()).path("paths").path("/api/changes").path("get");
        assertTrue(op.isObject(), "GET /api/changes is documented");
        List<Function<io.restassured.specification.RequestSpecification, Response>> probes = List.of(
                r -> r.get("/api/changes"),
                r -> r.get("/api/changes?limit=1"),
                r -> r.get("/api/changes?after=nonsense"),
                r -> r.get("/api/changes?limit=0"),
                r -> r.get("/api/changes?bogus=1"),
                r -> r.accept("text/csv").get("/api/changes"),
                r -> r.header("Accept-Encoding", "gzip").get("/api/changes"));
        List<String> missing = new ArrayList<>();
        for (var p : probes) {
            Response r = p.apply(given());
            JsonNode documented = op.path("responses").path(String.valueOf(r.statusCode()));
            String type = r.contentType() == null || r.contentType().isEmpty() ? null : r.contentType().split(";")[0].strip();
            if (documented.isMissingNode()) {
                missing.add(r.statusCode() + "");
            } else if (type != null && !documented.path("content").has(type)) {
                missing.add(r.statusCode() + " " + type);
            }
        }
        assertEquals(List.of(), missing, "answers not documented");
        List<String> undescribed = new ArrayList<>();
        op.path("parameters").forEach(p -> {
            if (p.path("description").asText().isBlank()) {
                undescribed.add(p.path("name").asText());
            }
        });
        assertEquals(List.of(), undescribed);
        assertEquals("integer", param(op, "limit").path("schema").path("type").asText());
        assertNull(param(op, "Accept-Encoding"), "headers the client needs not set are not parameters");
    }

    private static JsonNode param(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
