package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.liaison.Database;
import org.liaison.exchange.ExchangeResourceTest;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error is application/problem+json with a stable type, never a stack trace. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void unknownPathIs404Problem() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:liaison:problem:not-found"));
    }

    @Test
    void wrongMethodIs405Problem() {
        given().delete("/api/themes").then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("urn:liaison:problem:method-not-allowed"));
    }

    @Test
    void unacceptableMediaTypeIs406Problem() {
        given().accept("image/png").get("/api/themes").then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void noStackTraceInAnyError() {
        given().contentType("application/json").body("[1,2,3]").post("/api/exchanges").then().statusCode(400)
                .body(not(containsString("Exception"))).body(not(containsString("\tat ")));
    }

    @Test
    void healthAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/exchanges'.post.summary", equalTo("Record an exchange"))
                .body("paths.'/api/exchanges/import'", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aBodyOverTheLimitIs413Problem() throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            s.getOutputStream().write(("POST /api/exchanges/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: 300000000\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase(java.util.Locale.ROOT)
                    .contains("content-type: application/problem+json"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("urn:liaison:problem:payload-too-large"), answer);
        }
    }

    @Test
    void writesTakeNoQueryParameters() {
        for (String path : java.util.List.of("/api/exchanges?foo=1", "/api/articles/extract?foo=1", "/api/articles?foo=1",
                "/api/exchanges/import?foo=1")) {
            given().contentType(path.contains("import") ? "application/x-ndjson" : "application/json")
                    .body("{\"text\": \"x\"}".getBytes()).post(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("foo"));
        }
        given().delete("/api/exchanges/00000000-0000-0000-0000-000000000000?force=1").then().statusCode(400)
                .body("errors[0].field", equalTo("force"));
    }

    @Test
    void aNumberWhereTextBelongsIsATypeError() {
        given().contentType("application/json").body("{\"text\": 1}").post("/api/articles/extract").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("text"));
    }

    // ---- hostile input: each is a 4xx problem in the project's words, naming what is wrong, and writes nothing ----

    static final String PROBLEM = "application/problem+json";
    /** A Java type name (org.liaison.exchange.ExchangeInput, java.lang.String) or a Jackson feature in an error. */
    static final Pattern JAVA_WORDS = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]|Feature|`");

    /** Rows of every table a write touches: a refused write must leave each unchanged. */
    static String written() {
        return List.of("exchange", "participant", "person", "person_alias", "source", "exchange_source", "exchange_locality",
                "exchange_theme").stream().map(t -> t + "=" + Database.count("select count(*) from " + t)).toList().toString();
    }

    static String body(String extra) {
        return ExchangeResourceTest.exchange("2002-02-0" + (1 + Math.abs(extra.hashCode()) % 9), extra);
    }

    static Response post(String path, String contentType, String body) {
        return given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    /** A 4xx problem: type, the content type, no Java words in detail or reasons. */
    static void isProblem(Response r, int status) {
        r.then().statusCode(status).contentType(PROBLEM).body("type", org.hamcrest.Matchers.startsWith("urn:liaison:problem:"));
        String text = r.asString();
        assertFalse(JAVA_WORDS.matcher(String.valueOf(r.<Object>path("detail"))).find(), text);
        List<String> reasons = r.path("errors.reason");
        if (reasons != null) {
            reasons.forEach(reason -> assertFalse(JAVA_WORDS.matcher(reason).find(), text));
        }
    }

    @Test
    void aNulOrALoneSurrogateInAnyTextFieldOfAWriteIs422NamingIt() {
        String before = written();
        // JSON escapes: the body itself is plain ASCII
        for (String[] c : List.of(
                new String[] { ", \"notes\": \"a\\u0000b\"", "notes" },
                new String[] { ", \"notes\": \"a\\ud800b\"", "notes" },
                new String[] { ", \"key\": \"k\\udc00\"", "key" })) {
            Response r = post("/api/exchanges", "application/json", body(c[0]));
            isProblem(r, 422);
            r.then().body("errors.field", hasItem(c[1]));
        }
        String nulName = body("").replace("\"Lưu Ninh\"", "\"Lưu\\u0000Ninh\"");
        isProblem(post("/api/exchanges", "application/json", nulName), 422);
        post("/api/exchanges", "application/json", nulName).then().body("errors.field", hasItem("participants[1].name"));
        String nulUrl = body("").replace("https://example.org/a/", "https://example.org/\\u0000/");
        post("/api/exchanges", "application/json", nulUrl).then().statusCode(422).body("errors.field", hasItem("sources[0].url"));
        String nulVenue = body("").replace("\"Nam Ninh\"", "\"Nam\\u0000Ninh\"");
        post("/api/exchanges", "application/json", nulVenue).then().statusCode(422).body("errors.field", hasItem("venue"));

        // import: the line and the field
        Response imported = post("/api/exchanges/import", "application/x-ndjson",
                body(", \"key\": \"nul-line\", \"notes\": \"x\\u0000\"").replace("\n", " ") + "\n");
        isProblem(imported, 422);
        imported.then().body("errors[0].line", equalTo(1)).body("errors.field", hasItem("notes"));

        // articles: extract and store
        isProblem(post("/api/articles/extract", "application/json", "{\"text\": \"a\\u0000b\"}"), 422);
        post("/api/articles/extract", "application/json", "{\"text\": \"a\\u0000b\"}").then().body("errors[0].field", equalTo("text"));
        post("/api/articles/extract", "application/json", "{\"text\": \"ok\", \"title\": \"\\ud800\"}").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("title"));
        post("/api/articles", "application/json", "{\"url\": \"https://example.org/nul\\u0000\", \"text\": \"Nguyen Xuan Thang met "
                + "Wang Huning in Beijing on May 5.\"}").then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("url"));
        assertEquals(before, written(), "nothing is written");
    }

    @Test
    void aNulInPutOrPatchIs422AndTheRecordIsUnchanged() {
        Response created = post("/api/exchanges", "application/json", ExchangeResourceTest.exchange("2002-03-03", ", \"key\": \"nul-put\""));
        created.then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        String id = created.path("id");
        String before = given().get("/api/exchanges/" + id).asString();
        given().contentType("application/json").body(ExchangeResourceTest.exchange("2002-03-03", ", \"key\": \"nul-put\", \"notes\": \"\\u0000\""))
                .put("/api/exchanges/" + id).then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("notes"));
        given().contentType("application/merge-patch+json").body("{\"participants\": [{\"name\": \"A\\u0000\", \"side\": \"VN\"}]}")
                .patch("/api/exchanges/" + id).then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("participants[0].name"));
        given().contentType("application/merge-patch+json").body("{\"notes\": \"\\udfff\"}")
                .patch("/api/exchanges/" + id).then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("notes"));
        assertEquals(before, given().get("/api/exchanges/" + id).asString(), "the record is unchanged");
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
    }

    @Test
    void aNulInAnyQueryParameterIs400NamingIt() {
        for (String path : List.of("/api/exchanges?q=a%00b", "/api/exchanges?person=a%00b", "/api/exchanges?locality=Ha%00Noi",
                "/api/exchanges?theme=tourism%00", "/api/exchanges?from=2020-01-01%00", "/api/exchanges?sort=date%00",
                "/api/exchanges/export?kind=talks%00", "/api/stats/summary?q=x%00", "/api/stats/themes?top=3%00",
                "/api/localities?q=Ha%00Noi", "/api/people?q=a%00", "/api/themes?domain=economy%00")) {
            String name = path.substring(path.indexOf('?') + 1, path.indexOf('='));
            Response r = given().urlEncodingEnabled(false).get(path);
            isProblem(r, 400);
            r.then().body("errors[0].field", equalTo(name));
        }
    }

    @Test
    void datesOutsideTheRangesAreRefusedInEveryField() {
        String before = written();
        for (String[] c : List.of(new String[] { "-5000-01-01", "date" }, new String[] { "+10000-01-01", "date" },
                new String[] { "-999999999-01-01", "date" })) {
            Response r = post("/api/exchanges", "application/json", ExchangeResourceTest.exchange(c[0], ""));
            isProblem(r, 422);
            r.then().body("errors.field", hasItem(c[1]));
        }
        post("/api/exchanges", "application/json", ExchangeResourceTest.exchange("2002-04-04", ", \"end_date\": \"+999999999-12-31\""))
                .then().statusCode(422).body("errors.field", hasItem("end_date"));
        post("/api/exchanges", "application/json", ExchangeResourceTest.exchange("2002-04-04", "")
                .replace("\"published\": \"2002-04-04\"", "\"published\": \"-999999999-01-01\""))
                .then().statusCode(422).body("errors.field", hasItem("sources[0].published"));
        for (String path : List.of("/api/stats/theme-cooccurrence?to=-999999999-01-01", "/api/stats/timeline?from=%2B10000-01-01",
                "/api/exchanges?to=-0001-12-31", "/api/exchanges/export?from=1899-12-31", "/api/localities?as_of=%2B999999999-01-01")) {
            String name = path.substring(path.indexOf('?') + 1, path.indexOf('='));
            Response r = given().urlEncodingEnabled(false).get(path);
            isProblem(r, 400);
            r.then().body("errors[0].field", equalTo(name));
        }
        String yesterday = "Yesterday Nguyen Xuan Thang held talks with Wang Huning in Beijing.";
        for (String path : List.of("/api/articles/extract", "/api/articles")) {
            Response r = post(path, "application/json", "{\"url\": \"https://example.org/old\", \"published\": \"-999999999-01-01\", "
                    + "\"text\": \"" + yesterday + "\"}");
            isProblem(r, 422);
            r.then().body("errors[0].field", equalTo("published"));
        }
        assertEquals(before, written(), "nothing is written");
    }

    @Test
    void blankOrEmptyParametersAre400NamingThem() {
        for (String path : List.of("/api/exchanges?sort=%20", "/api/exchanges?sort=", "/api/exchanges/export?sort=%20",
                "/api/exchanges?limit=%20", "/api/exchanges?from=", "/api/exchanges?q=%20%20", "/api/exchanges?theme=,",
                "/api/exchanges?kind=%20,%20", "/api/stats/themes?top=%20", "/api/stats/themes?granularity=",
                "/api/stats/people?side=%20", "/api/localities?as_of=")) {
            String name = path.substring(path.indexOf('?') + 1, path.indexOf('='));
            Response r = given().urlEncodingEnabled(false).get(path);
            isProblem(r, 400);
            r.then().body("errors[0].field", equalTo(name));
        }
    }

    @Test
    void anAcceptOfOnlyASemicolonIsA406Problem() {
        for (String path : List.of("/api/stats/summary", "/api/stats/themes", "/api/exchanges")) {
            isProblem(given().header("Accept", ";").get(path), 406);
        }
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamingIt() {
        String before = written();
        Response top = post("/api/exchanges", "application/json", body(", \"notes\": \"a\", \"notes\": \"b\""));
        isProblem(top, 400);
        top.then().body("errors[0].field", equalTo("notes"));
        post("/api/exchanges", "application/json", body("").replace("\"side\": \"CN\",", "\"side\": \"CN\", \"side\": \"VN\","))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("participants[1].side"));
        post("/api/articles/extract", "application/json", "{\"text\": \"x\", \"text\": \"y\"}").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("text"));
        Response line = post("/api/exchanges/import", "application/x-ndjson", body(", \"key\": \"dup\", \"key\": \"dup2\"").replace("\n", " "));
        isProblem(line, 422);
        line.then().body("errors[0].line", equalTo(1)).body("errors[0].field", equalTo("key"));
        assertEquals(before, written(), "nothing is written");
    }

    @Test
    void anImportMayStartWithAByteOrderMark() {
        String key = "bom-" + UUID.randomUUID();
        String line = ExchangeResourceTest.exchange("2002-05-05", ", \"key\": \"" + key + "\", \"status\": \"rejected\"").replace("\n", " ");
        given().contentType("application/x-ndjson").body(("\uFEFF" + line + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/exchanges/import").then().statusCode(200).body("lines", equalTo(1)).body("created", equalTo(1));
        String id = given().get("/api/exchanges?status=rejected&from=2002-05-05&to=2002-05-05&limit=500").path("items.find { it.key == '" + key + "' }.id");
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
    }

    @Test
    void jacksonsWordsNeverReachAClient() {
        List<String> bodies = List.of("[1]", "\"text\"", "5", "{\"text\": NaN}", "{\"text\": \"x\",}", "{'text': 'x'}", "{\"text\": ",
                "{\"text\": \"a\u0001b\"}", "{\"text\": \"\\x\"}", "{\"text\": 01}", "{\"text\": tru}", "{\"text\" \"x\"}",
                "{\"text\": \"x\"]", "{\"text\": [\"x\"]}", "{\"text\": {}}", "{\"published\": 20240101, \"text\": \"x\"}");
        for (String b : bodies) {
            for (String path : List.of("/api/articles/extract", "/api/articles", "/api/exchanges")) {
                Response r = post(path, "application/json", b);
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " " + b + ": " + r.asString());
                isProblem(r, r.statusCode());
            }
            Response r = post("/api/exchanges/import", "application/x-ndjson", b.replace("\n", " "));
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "import " + b + ": " + r.asString());
            isProblem(r, r.statusCode());
        }
    }

    // ---- what the HTTP layer answers before any application hook: measured here, documented in the README ----

    static String raw(String request) throws IOException {
        try (Socket s = new Socket("localhost", io.restassured.RestAssured.port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theHttpLayerRefusesOverlongLinesAndHeadersAndUnparsableUrisWithoutABody() throws IOException {
        // Vert.x's decoder (HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER) and Quarkus' URI check
        // (java.net.URI, VertxHttpRecorder) answer these before any route: a 4xx, never a 5xx, but with no body
        String longUri = raw("GET /api/exchanges?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(longUri.startsWith("HTTP/1.0 414") || longUri.startsWith("HTTP/1.1 414"), longUri);
        String bigHeader = raw("GET /api/themes HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(30_000) + "\r\nConnection: close\r\n\r\n");
        assertTrue(bigHeader.startsWith("HTTP/1.0 431") || bigHeader.startsWith("HTTP/1.1 431"), bigHeader);
        for (String query : List.of("q=%", "q=%zz", "q=L\u0085ng")) {
            String answer = raw("GET /api/exchanges?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), query + ": " + answer);
        }
    }

    @Test
    void aForeignOriginIsRefusedByTheCorsFilter() {
        // Quarkus' CORS filter answers this itself (README: what the HTTP layer answers itself)
        given().header("Origin", "https://evil.example").get("/api/themes").then().statusCode(403);
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/themes").then().statusCode(403);
    }

    @Test
    void aBodyOverTheLimitOnEveryWriteIs413Problem() throws IOException {
        for (String path : List.of("/api/exchanges", "/api/articles", "/api/articles/extract", "/api/exchanges/import")) {
            String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 300000000\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 413"), path + ": " + answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
        }
    }
}
