package org.liaison.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.liaison.Database;
import org.liaison.auth.Role;
import org.liaison.auth.TestTokens;

/**
 * Issue 16's audit trail: every change by a token shows in GET /api/exchanges/{id}/history with
 * the token's subject, the record before and after, the reason and the context; refused writes
 * and writes that change nothing leave no row; a deleted record's history is the reviewers'.
 * The database is looked at directly too: one audit row per change-log row, also after
 * concurrent (retried) writes. On the jar and the native executable: AuditTrailIT.
 */
@QuarkusTest
class AuditTrailTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EDITOR = "audit-editor-" + UUID.randomUUID();
    static final String REVIEWER = "audit-reviewer-" + UUID.randomUUID();
    static final String ADMIN = "audit-admin-" + UUID.randomUUID();

    static RequestSpecification as(String subject, String role) {
        return given().auth().none().header("Authorization", "Bearer " + TestTokens.token(subject, role));
    }

    static RequestSpecification editor() {
        return as(EDITOR, Role.EDITOR);
    }

    static RequestSpecification reviewer() {
        return as(REVIEWER, Role.REVIEWER);
    }

    static RequestSpecification admin() {
        return as(ADMIN, Role.ADMIN);
    }

    static String body(String date, String key) {
        return ExchangeResourceTest.exchange(date, ", \"key\": \"" + key + "\"");
    }

    static String create(RequestSpecification who, String date) {
        return who.contentType("application/json").body(body(date, "audit-" + UUID.randomUUID())).post("/api/exchanges")
                .then().statusCode(201).extract().path("id");
    }

    static JsonNode history(RequestSpecification who, String id) throws Exception {
        Response r = who.get("/api/exchanges/" + id + "/history");
        r.then().statusCode(200).contentType("application/json");
        return JSON.readTree(r.asString());
    }

    static JsonNode history(String id) throws Exception {
        return history(given(), id);
    }

    static JsonNode record(String id) throws Exception {
        return JSON.readTree(given().get("/api/exchanges/" + id).then().statusCode(200).extract().asString());
    }

    static long rows(String id) {
        return Database.count("select count(*) from exchange_audit where exchange_id = ?::uuid", id);
    }

    static long logged(String id) {
        return Database.count("select count(*) from change_log where exchange_id = ?::uuid", id);
    }

    static long dataVersion() {
        return Database.count("select version from data_version");
    }

    @Test
    void anEditorsCreateIsRecordedWithItsSubjectAndTheRecordAfter() throws Exception {
        String id = create(editor(), "2012-01-10");
        JsonNode h = history(id);
        assertEquals(1, h.path("total").asInt());
        JsonNode e = h.path("items").get(0);
        assertEquals(EDITOR, e.path("actor").asText());
        assertEquals("editor", e.path("role").asText());
        assertEquals("created", e.path("change").asText());
        assertEquals("api", e.path("context").asText());
        assertTrue(e.path("before").isNull(), "a create has no before: " + e);
        assertEquals(record(id), e.path("after"), "after is the record as GET shows it");
        assertTrue(e.path("reason").isNull());
        assertTrue(e.path("data_version").asLong() > 0);
        assertEquals(1, rows(id));
    }

    @Test
    void anEditorCannotVerifyAndLeavesNoRow() throws Exception {
        String id = create(editor(), "2012-01-11");
        long version = dataVersion();
        editor().contentType("application/merge-patch+json").body("{\"status\": \"verified\"}").patch("/api/exchanges/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(1, rows(id));
        assertEquals(version, dataVersion(), "nothing was written");
        assertEquals("draft", record(id).path("status").asText());
    }

    @Test
    void aReviewerVerifiesAndTheChangeShowsWithTheReviewersSubject() throws Exception {
        String id = create(editor(), "2012-01-12");
        JsonNode draft = record(id);
        reviewer().contentType("application/merge-patch+json").body("{\"status\": \"verified\"}").patch("/api/exchanges/" + id)
                .then().statusCode(200).body("status", equalTo("verified"));
        JsonNode h = history(id);
        assertEquals(2, h.path("total").asInt());
        JsonNode newest = h.path("items").get(0);
        assertEquals(REVIEWER, newest.path("actor").asText());
        assertEquals("reviewer", newest.path("role").asText());
        assertEquals("updated", newest.path("change").asText());
        assertEquals(draft, newest.path("before"), "before is the record as it was");
        assertEquals(record(id), newest.path("after"));
        assertEquals("verified", newest.path("after").path("status").asText());
        assertTrue(newest.path("reason").isNull(), "a reason is optional for a verification");
        assertEquals(EDITOR, h.path("items").get(1).path("actor").asText(), "oldest last");
        assertTrue(newest.path("data_version").asLong() > h.path("items").get(1).path("data_version").asLong());
        // a verified record would count in the verified-only figures of StatsMatchGoldTest, which expects the demo data alone
        admin().queryParam("reason", "test record").delete("/api/exchanges/" + id).then().statusCode(204);
    }

    @Test
    void rejectingNeedsAReasonAndRecordsIt() throws Exception {
        String id = create(editor(), "2012-01-13");
        long version = dataVersion();
        reviewer().contentType("application/merge-patch+json").body("{\"status\": \"rejected\"}").patch("/api/exchanges/" + id)
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        String put = body("2012-01-13", record(id).path("key").asText()).replace("\"date\"", "\"status\": \"rejected\", \"date\"");
        reviewer().contentType("application/json").body(put).put("/api/exchanges/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("reason"));
        assertEquals(version, dataVersion(), "nothing changed");
        assertEquals("draft", record(id).path("status").asText());
        assertEquals(1, rows(id));

        reviewer().contentType("application/merge-patch+json").body("{\"status\": \"rejected\"}")
                .queryParam("reason", "not bilateral: a multilateral forum").patch("/api/exchanges/" + id)
                .then().statusCode(200).body("status", equalTo("rejected"));
        JsonNode e = history(id).path("items").get(0);
        assertEquals("not bilateral: a multilateral forum", e.path("reason").asText());
        assertEquals(REVIEWER, e.path("actor").asText());
        assertEquals("rejected", e.path("after").path("status").asText());
        // a write that keeps it rejected needs none
        reviewer().contentType("application/merge-patch+json").body("{\"notes\": \"checked twice\"}").patch("/api/exchanges/" + id)
                .then().statusCode(200);
        assertEquals(3, rows(id));
    }

    @Test
    void aReasonIsOneLineOfAtMost500Characters() {
        String id = create(editor(), "2012-01-14");
        for (String bad : List.of("x".repeat(501), "two\nlines", "tab\there")) {
            editor().contentType("application/merge-patch+json").body("{\"notes\": \"n\"}").queryParam("reason", bad)
                    .patch("/api/exchanges/" + id).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("reason"));
        }
        editor().contentType("application/merge-patch+json").body("{\"notes\": \"n\"}").queryParam("reason", "a")
                .queryParam("reason", "b").patch("/api/exchanges/" + id).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        assertEquals(1, rows(id));
        editor().contentType("application/merge-patch+json").body("{\"notes\": \"n\"}").queryParam("reason", "x".repeat(500))
                .patch("/api/exchanges/" + id).then().statusCode(200);
        assertEquals(2, rows(id));
        given().contentType("application/json").body("{\"text\": \"Nothing.\"}").queryParam("reason", "dry run")
                .post("/api/articles/extract").then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void onlyAnAdminDeletesWithAReasonAndTheHistoryStaysForReviewers() throws Exception {
        String id = create(editor(), "2012-01-15");
        JsonNode last = record(id);
        editor().delete("/api/exchanges/" + id + "?reason=spam").then().statusCode(403);
        reviewer().delete("/api/exchanges/" + id + "?reason=spam").then().statusCode(403);
        admin().delete("/api/exchanges/" + id).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        assertEquals(1, rows(id));
        given().get("/api/exchanges/" + id).then().statusCode(200);

        admin().queryParam("reason", "duplicate of another record").delete("/api/exchanges/" + id).then().statusCode(204);
        given().get("/api/exchanges/" + id).then().statusCode(404);

        given().auth().none().get("/api/exchanges/" + id + "/history").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        editor().get("/api/exchanges/" + id + "/history").then().statusCode(403).contentType("application/problem+json");
        JsonNode h = history(reviewer(), id);
        assertEquals(2, h.path("total").asInt());
        JsonNode e = h.path("items").get(0);
        assertEquals("deleted", e.path("change").asText());
        assertEquals(ADMIN, e.path("actor").asText());
        assertEquals("admin", e.path("role").asText());
        assertEquals("duplicate of another record", e.path("reason").asText());
        assertEquals(last, e.path("before"));
        assertTrue(e.path("after").isNull());
        assertEquals(2, history(admin(), id).path("total").asInt());
    }

    @Test
    void anUnknownIdHasNoHistory() {
        given().get("/api/exchanges/" + UUID.randomUUID() + "/history").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/exchanges/not-an-id/history").then().statusCode(404);
        given().get("/api/exchanges/" + UUID.randomUUID() + "/history?bogus=1").then().statusCode(400)
                .body("errors[0].field", equalTo("bogus"));
    }

    @Test
    void historyPagesNewestFirst() throws Exception {
        String id = create(editor(), "2012-01-16");
        for (int i = 0; i < 3; i++) {
            editor().contentType("application/merge-patch+json").body("{\"notes\": \"note " + i + "\"}").patch("/api/exchanges/" + id)
                    .then().statusCode(200);
        }
        JsonNode page = JSON.readTree(given().get("/api/exchanges/" + id + "/history?limit=2").then().statusCode(200).extract().asString());
        assertEquals(4, page.path("total").asInt());
        assertEquals(2, page.path("items").size());
        assertEquals("note 2", page.path("items").get(0).path("after").path("notes").asText());
        assertTrue(page.path("next").asText().contains("offset=2"), page.toString());
        JsonNode rest = JSON.readTree(given().get("/api/exchanges/" + id + "/history?limit=2&offset=2").then().statusCode(200)
                .extract().asString());
        assertEquals("created", rest.path("items").get(1).path("change").asText());
        assertTrue(rest.path("next").isNull());
        given().get("/api/exchanges/" + id + "/history?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void anIdenticalPutWritesNoRow() throws Exception {
        String key = "audit-same-" + UUID.randomUUID();
        String b = body("2012-01-17", key);
        String id = editor().contentType("application/json").body(b).post("/api/exchanges").then().statusCode(201).extract().path("id");
        long version = dataVersion();
        editor().contentType("application/json").body(b).put("/api/exchanges/" + id).then().statusCode(200).body("version", equalTo(0));
        editor().contentType("application/json").body(b).post("/api/exchanges").then().statusCode(200);
        assertEquals(version, dataVersion());
        assertEquals(1, rows(id));
        assertEquals(1, history(id).path("total").asInt());
    }

    @Test
    void anImportWritesOneRowPerRecordWithItsIdAndAFailedOneNone() throws Exception {
        List<String> keys = List.of("audit-import-" + UUID.randomUUID(), "audit-import-" + UUID.randomUUID(), "audit-import-" + UUID.randomUUID());
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            ndjson.append(body("2012-02-0" + (i + 1), keys.get(i)).replace("\n", " ")).append('\n');
        }
        long before = Database.count("select count(*) from exchange_audit");
        JsonNode answer = JSON.readTree(editor().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("reason", "monthly batch").post("/api/exchanges/import").then().statusCode(200).extract().asString());
        assertEquals(3, answer.path("created").asInt());
        String importId = answer.path("import_id").asText();
        UUID.fromString(importId);
        assertEquals(before + 3, Database.count("select count(*) from exchange_audit"));
        assertEquals(3, Database.count("select count(*) from exchange_audit where context_kind = 'import' and context_ref = ?", importId));
        for (String key : keys) {
            String stored = idOfKey(key);
            JsonNode e = history(stored).path("items").get(0);
            assertEquals(EDITOR, e.path("actor").asText());
            assertEquals("import", e.path("context").asText());
            assertEquals(importId, e.path("context_ref").asText());
            assertEquals("monthly batch", e.path("reason").asText());
            assertEquals(record(stored), e.path("after"));
        }

        // the same file again changes nothing: no row; a file with a bad line writes nothing: no row
        editor().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/exchanges/import")
                .then().statusCode(200).body("unchanged", equalTo(3));
        String changed = ndjson.toString().replace("\"talks\"", "\"meeting\"") + "{\"date\": \"nope\"}\n";
        editor().contentType("application/x-ndjson").body(changed.getBytes(StandardCharsets.UTF_8)).post("/api/exchanges/import")
                .then().statusCode(422);
        assertEquals(before + 3, Database.count("select count(*) from exchange_audit"));

        // a line that rejects a stored record needs the import's reason
        String rejecting = body("2012-02-01", keys.get(0)).replace("\n", " ").replace("\"date\"", "\"status\": \"rejected\", \"date\"") + "\n";
        reviewer().contentType("application/x-ndjson").body(rejecting.getBytes(StandardCharsets.UTF_8)).post("/api/exchanges/import")
                .then().statusCode(422).body("errors[0].field", equalTo("reason")).body("errors[0].line", equalTo(1));
        assertEquals(before + 3, Database.count("select count(*) from exchange_audit"));
        reviewer().contentType("application/x-ndjson").body(rejecting.getBytes(StandardCharsets.UTF_8)).queryParam("reason", "out of scope")
                .post("/api/exchanges/import").then().statusCode(200).body("updated", equalTo(1));
        JsonNode e = history(idOfKey(keys.get(0))).path("items").get(0);
        assertEquals("out of scope", e.path("reason").asText());
        assertEquals(REVIEWER, e.path("actor").asText());
        assertEquals("draft", e.path("before").path("status").asText());
    }

    @Test
    void aChangeWithoutANoteFailsItsCommitAndOneWithNotesOfManyCommits() throws Exception {
        String id = create(editor(), "2012-03-04");
        long before = Database.count("select count(*) from exchange_audit");
        try (var c = Database.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("select stats_rollup_apply(array[(select id from exchange where public_id = '" + id + "')], -1)");
                s.execute("select stats_rollup_apply(array[(select id from exchange where public_id = '" + id + "')], 1)");
            }
            java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, c::commit);
            assertTrue(refused.getMessage().contains(id + " was changed without an audit note"), refused.getMessage());
        }
        assertEquals(before, Database.count("select count(*) from exchange_audit"));
        assertEquals(1, logged(id));

        // many changes noted at once (an import's shape): one row each, in one commit (V9: a set-wise check, not n x n);
        // the commit trigger run early (set constraints all immediate) and rolled back, so that no record's history changes
        try (var c = Database.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("""
                        select liaison_audit_note(array_agg(public_id), array_agg('{}'::text), array_agg('{}'::text), 'audit-bulk',
                                                  'admin', null, 'import', 'audit-bulk-test')
                        from (select public_id from exchange order by id limit 3000) x""");
                s.execute("select stats_rollup_apply(array(select id from exchange order by id limit 3000), -1)");
                s.execute("select stats_rollup_apply(array(select id from exchange order by id limit 3000), 1)");
                s.execute("set constraints all immediate");
                try (var rs = s.executeQuery("select count(*), (select count(*) from exchange where id in "
                        + "(select id from exchange order by id limit 3000)) from exchange_audit where actor = 'audit-bulk'")) {
                    assertTrue(rs.next());
                    assertTrue(rs.getLong(2) > 10, "too few exchanges to look at: " + rs.getLong(2));
                    assertEquals(rs.getLong(2), rs.getLong(1));
                }
            } finally {
                c.rollback();
            }
        }
    }

    static String idOfKey(String key) {
        try (var c = Database.connect(); var ps = c.prepareStatement("select public_id::text from exchange where natural_key = ?")) {
            ps.setString(1, key);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next(), "stored: " + key);
                return rs.getString(1);
            }
        } catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void anArticleStoredIsTheContextOfTheRecordsItWrites() throws Exception {
        ObjectNode a = (ObjectNode) JSON.readTree(Path.of("src/test/resources/corpus/dev/a067.json").toFile());
        ObjectNode article = JSON.createObjectNode();
        for (String f : List.of("outlet", "language", "title", "text")) {
            article.set(f, a.get(f));
        }
        String url = "https://example.org/audit/" + UUID.randomUUID();
        article.put("url", url);
        // another year than the demo data's record of these talks: this test must not add to the demo records
        article.put("text", a.get("text").asText().replace("2023", "2016"));
        article.put("published", "2016-09-06");
        JsonNode stored = JSON.readTree(editor().contentType("application/json").body(article.toString()).post("/api/articles").then()
                .extract().asString());
        assertTrue(stored.path("exchanges").size() > 0, stored.toString());
        for (JsonNode x : stored.path("exchanges")) {
            JsonNode e = history(x.path("id").asText()).path("items").get(0);
            assertEquals("article", e.path("context").asText());
            assertEquals(url, e.path("context_ref").asText());
            assertEquals(EDITOR, e.path("actor").asText());
            assertEquals(x.path("outcome").asText().equals("created") ? "created" : "updated", e.path("change").asText());
            assertFalse(e.path("after").isNull());
        }
    }

    /**
     * Writers at once on one record (PUTs that queue on its lock), the same new key posted by all
     * (all but one retried, then answered "already there"), and imports: every change logged once
     * and audited once.
     */
    @Test
    void concurrentAndRetriedWritesNeverDoubleARow() throws Exception {
        String id = create(editor(), "2012-03-01");
        String sharedKey = "audit-race-" + UUID.randomUUID();
        String race = body("2012-03-02", sharedKey);
        String imported = "audit-race-import-" + UUID.randomUUID() + "-";
        List<String> ids = new ArrayList<>(List.of(id));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int writer = t;
                answers.add(pool.submit(() -> editor().contentType("application/json").body(race).post("/api/exchanges").statusCode()));
                answers.add(pool.submit(() -> reviewer().contentType("application/json")
                        .body(ExchangeResourceTest.exchange("2012-03-01", ", \"notes\": \"writer " + writer + "\", \"key\": \""
                                + record(id).path("key").asText() + "\""))
                        .put("/api/exchanges/" + id).statusCode()));
                String line = body("2012-03-0" + (3 + writer % 5), imported + writer).replace("\n", " ") + "\n";
                answers.add(pool.submit(() -> editor().contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                        .post("/api/exchanges/import").statusCode()));
            }
            for (Future<Integer> f : answers) {
                int status = f.get(120, TimeUnit.SECONDS);
                assertTrue(status == 200 || status == 201, "every write succeeded: " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        ids.add(idOfKey(sharedKey));
        for (int t = 0; t < 8; t++) {
            ids.add(idOfKey(imported + t));
        }
        assertEquals(1, rows(ids.get(1)), "the same new record posted 8 times: created once");
        assertEquals(9, rows(id), "the create and 8 replaces");
        for (String x : ids) {
            assertEquals(logged(x), rows(x), "audit rows = change-log rows of " + x);
            assertEquals(0, Database.count("select count(*) from (select version from exchange_audit where exchange_id = ?::uuid "
                    + "group by version having count(*) > 1) d", x));
        }
        assertEquals(Database.count("select count(*) from change_log"), Database.count("select count(*) from exchange_audit"),
                "every change in the log is in the audit trail, once");
        assertEquals(0, Database.count("select count(*) from change_log c where not exists (select 1 from exchange_audit a "
                + "where a.version = c.version and a.exchange_id = c.exchange_id)"));
    }

    @Test
    void theHistoryIsDocumented() throws Exception {
        JsonNode op = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString()).path("paths").path("/api/exchanges/{id}/history").path("get");
        for (String status : List.of("200", "401", "403", "404")) {
            assertTrue(op.path("responses").has(status), status);
        }
        JsonNode delete = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then().extract().asString())
                .path("paths").path("/api/exchanges/{id}").path("delete");
        boolean reason = false;
        for (JsonNode p : delete.path("parameters")) {
            reason |= p.path("name").asText().equals("reason") && !p.path("description").asText().isBlank();
        }
        assertTrue(reason, "DELETE documents its reason: " + delete);
        given().get("/api/exchanges/" + create(editor(), "2012-01-18") + "/history").then().statusCode(200)
                .body("items[0].before", nullValue());
    }
}
