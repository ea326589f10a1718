package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.liaison.Database;
import org.liaison.exchange.ExchangeResourceTest;
import org.liaison.stats.StatsMatchSqlTest;

/**
 * /q/openapi tells the truth: every status and media type an operation answers (probed here
 * with real requests) is documented for it, and the aggregates' examples are rows of the demo
 * data.
 */
@QuarkusTest
public class OpenApiTest {

    record Probe(String method, String template, Function<RequestSpecification, Response> call) {
    }

    static JsonNode openApi() throws Exception {
        return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
    }

    @Test
    void everyAnswerAnOperationGivesIsDocumented() throws Exception {
        String id = given().get("/api/exchanges?limit=1").then().extract().path("items[0].id");
        int person = given().get("/api/people?q=Wang Huning").then().extract().path("[0].id");
        String body = ExchangeResourceTest.exchange("2003-04-05", "");
        List<Probe> probes = new ArrayList<>();
        for (String q : List.of("", "?format=csv", "?format=table", "?bogus=1", "?from=x")) {
            probes.add(new Probe("get", "/api/exchanges", r -> r.get("/api/exchanges" + q)));
            probes.add(new Probe("get", "/api/exchanges/export", r -> r.get("/api/exchanges/export" + q.replace("table", "json"))));
            for (String a : List.of("themes", "domains", "localities", "locality-pairs", "timeline", "people",
                    "theme-cooccurrence", "summary")) {
                probes.add(new Probe("get", "/api/stats/" + a, r -> r.get("/api/stats/" + a + q)));
            }
        }
        probes.add(new Probe("get", "/api/exchanges", r -> r.accept("application/xml").get("/api/exchanges")));
        probes.add(new Probe("get", "/api/exchanges/export", r -> r.accept("text/plain").get("/api/exchanges/export")));
        probes.add(new Probe("get", "/api/stats/summary", r -> r.accept("application/xml").get("/api/stats/summary")));
        String etag = given().get("/api/stats/summary").then().extract().header("ETag");
        probes.add(new Probe("get", "/api/stats/summary", r -> r.header("If-None-Match", etag).get("/api/stats/summary")));
        probes.add(new Probe("get", "/api/exchanges/{id}", r -> r.get("/api/exchanges/" + id)));
        probes.add(new Probe("get", "/api/exchanges/{id}", r -> r.get("/api/exchanges/00000000-0000-0000-0000-000000000000")));
        probes.add(new Probe("post", "/api/exchanges", r -> r.contentType("application/json").body(body).post("/api/exchanges")));
        probes.add(new Probe("post", "/api/exchanges", r -> r.contentType("application/json").body("{\"date\": 5}").post("/api/exchanges")));
        probes.add(new Probe("post", "/api/exchanges", r -> r.contentType("application/json").body("{").post("/api/exchanges")));
        probes.add(new Probe("post", "/api/exchanges", r -> r.contentType("text/xml").body("<x/>".getBytes()).post("/api/exchanges")));
        probes.add(new Probe("put", "/api/exchanges/{id}", r -> r.contentType("application/json").header("If-Match", "\"999\"")
                .body(body).put("/api/exchanges/" + id)));
        probes.add(new Probe("patch", "/api/exchanges/{id}", r -> r.contentType("application/merge-patch+json")
                .header("If-Match", "\"999\"").body("{\"notes\": \"x\"}").patch("/api/exchanges/" + id)));
        probes.add(new Probe("patch", "/api/exchanges/{id}", r -> r.contentType("application/merge-patch+json")
                .body("{\"kind\": \"chat\"}").patch("/api/exchanges/" + id)));
        probes.add(new Probe("delete", "/api/exchanges/{id}", r -> r.delete("/api/exchanges/00000000-0000-0000-0000-000000000000")));
        probes.add(new Probe("post", "/api/exchanges/import", r -> r.contentType("application/x-ndjson").body(new byte[0]).post("/api/exchanges/import")));
        probes.add(new Probe("post", "/api/exchanges/import", r -> r.contentType("application/x-ndjson").body("x\n".getBytes()).post("/api/exchanges/import")));
        probes.add(new Probe("post", "/api/exchanges/import", r -> r.contentType("application/xml").body("x".getBytes()).post("/api/exchanges/import")));
        probes.add(new Probe("post", "/api/articles/extract", r -> r.contentType("application/json").body("{\"text\": \"nothing\"}")
                .post("/api/articles/extract")));
        probes.add(new Probe("post", "/api/articles/extract", r -> r.contentType("application/json").body("{}").post("/api/articles/extract")));
        probes.add(new Probe("post", "/api/articles", r -> r.contentType("application/json").body("{\"text\": \"x\"}").post("/api/articles")));
        probes.add(new Probe("get", "/api/themes", r -> r.get("/api/themes?domain=economy")));
        probes.add(new Probe("get", "/api/themes", r -> r.get("/api/themes?domain=nope")));
        probes.add(new Probe("get", "/api/localities", r -> r.get("/api/localities?q=ha noi")));
        probes.add(new Probe("get", "/api/localities/{code}", r -> r.get("/api/localities/VN-HN")));
        probes.add(new Probe("get", "/api/localities/{code}", r -> r.get("/api/localities/XX")));
        probes.add(new Probe("get", "/api/people", r -> r.get("/api/people?q=wang")));
        probes.add(new Probe("get", "/api/people/{id}", r -> r.get("/api/people/" + person)));
        probes.add(new Probe("get", "/api/people/{id}", r -> r.get("/api/people/0")));

        String noFeed = "/api/feeds/00000000-0000-0000-0000-000000000000";
        probes.add(new Probe("post", "/api/feeds", r -> r.contentType("application/json")
                .body("{\"url\": \"http://127.0.0.1:1/openapi-probe.rss\", \"outlet\": \"probe\"}").post("/api/feeds")));
        probes.add(new Probe("post", "/api/feeds", r -> r.contentType("application/json").body("{\"url\": \"ftp://x\"}").post("/api/feeds")));
        probes.add(new Probe("post", "/api/feeds", r -> r.contentType("application/json").body("{\"colour\": 1}").post("/api/feeds")));
        probes.add(new Probe("get", "/api/feeds", r -> r.get("/api/feeds")));
        probes.add(new Probe("get", "/api/feeds", r -> r.get("/api/feeds?bogus=1")));
        probes.add(new Probe("get", "/api/feeds/{id}", r -> r.get(noFeed)));
        probes.add(new Probe("get", "/api/feeds/{id}/items", r -> r.get(noFeed + "/items")));
        probes.add(new Probe("patch", "/api/feeds/{id}", r -> r.contentType("application/merge-patch+json").body("{}").patch(noFeed)));
        probes.add(new Probe("post", "/api/feeds/{id}/poll", r -> r.post(noFeed + "/poll")));
        probes.add(new Probe("delete", "/api/feeds/{id}", r -> r.delete(noFeed)));

        JsonNode paths = openApi().path("paths");
        List<String> missing = new ArrayList<>();
        for (Probe p : probes) {
            Response r = p.call().apply(given().redirects().follow(false));
            String status = String.valueOf(r.statusCode());
            JsonNode op = paths.path(p.template()).path(p.method());
            assertTrue(op.isObject(), "documented: " + p.method() + " " + p.template());
            JsonNode response = op.path("responses").path(status);
            if (response.isMissingNode()) {
                missing.add(p.method() + " " + p.template() + " " + status);
                continue;
            }
            String type = r.contentType() == null || r.contentType().isEmpty() ? null : r.contentType().split(";")[0].strip();
            if (type != null && r.statusCode() != 304 && !response.path("content").has(type)) {
                missing.add(p.method() + " " + p.template() + " " + status + " " + type);
            }
        }
        List<String> probeFeeds = given().get("/api/feeds").then().extract().path("findAll { it.outlet == 'probe' }.id");
        probeFeeds.forEach(f -> given().delete("/api/feeds/" + f));
        assertEquals(List.of(), missing, "answers not documented");
    }

    @Test
    void parametersAreDescribedAndTyped() throws Exception {
        JsonNode list = openApi().path("paths").path("/api/exchanges").path("get").path("parameters");
        List<String> undescribed = new ArrayList<>();
        for (JsonNode p : list) {
            if (!p.path("in").asText().equals("query")) {
                continue;
            }
            if (p.path("description").asText().isBlank()) {
                undescribed.add(p.path("name").asText());
            }
            if (p.path("name").asText().equals("limit")) {
                assertEquals("integer", p.path("schema").path("type").asText());
            }
        }
        assertEquals(List.of(), undescribed);
        assertTrue(list.size() >= 17, "the filters, sort, limit, offset: " + list.size());
    }

    /** Each aggregate's example rows are rows of its answer over the demo data alone. */
    @Test
    void statsExamplesAreRowsOfTheDemoData() throws Exception {
        JsonNode paths = openApi().path("paths");
        Map<String, String> files = Map.of("themes", "themes", "domains", "domains", "localities", "localities",
                "locality-pairs", "locality_pairs", "timeline", "timeline", "people", "people",
                "theme-cooccurrence", "theme_cooccurrence", "summary", "summary");
        ObjectMapper json = new ObjectMapper();
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // the demo data alone, inside a transaction that is rolled back: other tests' records do not count
                s.execute("delete from exchange where natural_key not like 'corpus-%'");
            }
            List<String> wrong = new ArrayList<>();
            try {
                for (Map.Entry<String, String> f : files.entrySet()) {
                    JsonNode example = paths.path("/api/stats/" + f.getKey()).path("get").path("responses").path("200")
                            .path("content").path("application/json").path("examples");
                    assertTrue(example.isObject() && example.size() > 0, "an example for " + f.getKey());
                    JsonNode value = example.elements().next().path("value");
                    if (value.isTextual()) {
                        value = json.readTree(value.asText());
                    }
                    Map<String, String> params = new LinkedHashMap<>();
                    value.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                    if (!params.containsKey("granularity")) {
                        params.put("granularity", f.getKey().equals("localities") ? "all" : "year");
                    }
                    List<Map<String, String>> rows = StatsMatchSqlTest.rows(c, f.getValue(), params);
                    for (JsonNode row : value.path("rows")) {
                        Map<String, String> expected = new LinkedHashMap<>();
                        row.fields().forEachRemaining(e -> {
                            // records is the JSON answer's link, not a column of the file
                            if (!e.getKey().equals("data_version") && !e.getKey().equals("last_change") && !e.getKey().equals("records")) {
                                expected.put(e.getKey(), StatsMatchSqlTest.canonical(number(e.getValue())));
                            }
                        });
                        boolean found = rows.stream().anyMatch(r -> expected.entrySet().stream()
                                .allMatch(e -> e.getValue().equals(r.get(e.getKey()))));
                        if (!found) {
                            wrong.add(f.getKey() + " " + params + ": example row " + expected + " is not a row of the demo data's "
                                    + "answer; its first rows are " + rows.subList(0, Math.min(2, rows.size())));
                        }
                    }
                }
                assertEquals(List.of(), wrong);
            } finally {
                c.rollback();
            }
        }
    }

    /** An example's value as JDBC gives it: numbers as numbers (0.5 and 0.5000 are one number), the rest as text. */
    static Object number(JsonNode v) {
        return v.isNumber() ? v.decimalValue() : v.isNull() ? null : v.asText();
    }

    @Test
    void theDocumentIsThere() throws Exception {
        assertNotNull(openApi().path("components").path("schemas").get("Problem"));
    }
}
