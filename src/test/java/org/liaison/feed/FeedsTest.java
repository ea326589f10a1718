package org.liaison.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liaison.Database;
import org.liaison.auth.TestTokens;

/**
 * Watched feeds end to end, over HTTP only (FeedsIT runs it against the artifact): feeds served
 * by a server of the test's own on 127.0.0.1 ({@link FeedServer}), with articles of the dev
 * corpus ({@link Fixtures}). The service's tick is short in the tests (1 s, application.properties
 * and ItDatabase), so each test waits for a state instead of sleeping.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class FeedsTest {

    static final String OUTLET = "feeds.test";
    static final Duration PATIENCE = Duration.ofSeconds(90);

    FeedServer server;
    final List<String> feeds = new ArrayList<>();

    @BeforeAll
    void serve() {
        server = new FeedServer();
        server.on("/robots.txt", FeedServer.body("text/plain", "User-agent: *\nDisallow: /flaky/private/\n"));
    }

    /** No retry of a test's articles goes on during the next tests (RestAssured's port is the app's until a test ends). */
    @AfterEach
    void forget() {
        for (String id : feeds) {
            given().delete("/api/feeds/" + id);
        }
        feeds.clear();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    String register(String url, String kind, String more) {
        String id = given().contentType("application/json")
                .body("{\"url\": \"" + url + "\", \"kind\": \"" + kind + "\", \"outlet\": \"" + OUTLET + "\", \"poll_interval\": \"1h\""
                        + more + "}")
                .post("/api/feeds").then().statusCode(201).header("Location", containsString("/api/feeds/"))
                .body("url", equalTo(url)).body("next_poll_at", notNullValue()).extract().path("id");
        feeds.add(id);
        return id;
    }

    static JsonPath feed(String id) {
        return given().get("/api/feeds/" + id).then().statusCode(200).extract().jsonPath();
    }

    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, "not within " + PATIENCE.toSeconds() + " s: " + what);
            Thread.sleep(100);
        }
    }

    void article(String path, String corpusId) {
        server.on(path, FeedServer.body("text/html; charset=utf-8", Fixtures.page(Fixtures.article(corpusId))));
    }

    Fixtures.Item item(String path, String corpusId) {
        Fixtures.Article a = Fixtures.article(corpusId);
        return new Fixtures.Item(a.title(), server.url(path), a.published());
    }

    /** Acceptance 1: five articles, drafts with their URLs; a re-poll adds nothing; a merged report adds a source. */
    @Test
    void aFeedOfFiveArticlesFillsTheReviewQueueOnceAndAMergedReportAddsASource() throws Exception {
        List<String> ids = List.of("a001", "a025", "a028", "a051", "a057");
        List<Fixtures.Item> items = new ArrayList<>();
        for (String a : ids) {
            article("/news/" + a + ".html", a);
            items.add(item("/news/" + a + ".html", a));
        }
        // the same article once more, under a link with tracking parameters and a fragment
        items.add(new Fixtures.Item("again", server.url("/news/a025.html?utm_source=rss&utm_medium=feed&fbclid=x#top"), null));
        AtomicReference<String> rss = new AtomicReference<>(Fixtures.rss(items));
        AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
        server.on("/news/feed.rss", FeedServer.conditional("application/rss+xml", rss::get, etag::get));

        String id = register(server.url("/news/feed.rss"), "rss", ", \"language\": \"en\"");
        await("five articles fetched", () -> feed(id).getInt("items_fetched") == 5);
        JsonPath f = feed(id);
        assertEquals(5, f.getInt("items_seen"), "the link with tracking parameters is the same item");
        assertTrue(f.getInt("exchanges_drafted") >= 5, "drafted: " + f.getInt("exchanges_drafted"));
        assertEquals(0, f.getInt("error_count"));
        for (String a : ids) {
            assertEquals(1, server.count("/news/" + a + ".html"), a + " fetched once");
        }
        List<Map<String, Object>> drafts = given().get("/api/exchanges?status=draft&limit=500").then().statusCode(200)
                .extract().path("items");
        for (String a : ids) {
            String url = server.url("/news/" + a + ".html");
            assertTrue(drafts.stream().anyMatch(d -> sources(d).stream().anyMatch(s -> url.equals(s.get("url"))
                    && OUTLET.equals(s.get("outlet")))), "a draft with source " + url);
        }
        String merged = draftWithSource(server.url("/news/a051.html"));
        String history = given().get("/api/exchanges/" + merged + "/history").then().statusCode(200).extract().asString();
        assertTrue(history.contains("feed:" + id), "the feed is the writer in the audit trail: " + history);

        // a second poll: the feed answers 304, nothing changes
        long version = Database.count("select version from data_version");
        int feedFetches = server.count("/news/feed.rss");
        given().post("/api/feeds/" + id + "/poll").then().statusCode(202);
        await("polled again", () -> server.count("/news/feed.rss") > feedFetches && feed(id).getInt("error_count") == 0
                && !feed(id).getString("next_poll_at").equals(f.getString("next_poll_at")));
        assertEquals(version, Database.count("select version from data_version"), "a 304 changes nothing");
        assertEquals(5, feed(id).getInt("items_seen"));

        // the feed changes: a further report of the a051 talks (a054) is merged into its record as a source
        article("/news/a054.html", "a054");
        items.add(item("/news/a054.html", "a054"));
        rss.set(Fixtures.rss(items));
        etag.set("\"v2\"");
        given().post("/api/feeds/" + id + "/poll").then().statusCode(202);
        await("the new article fetched", () -> feed(id).getInt("items_fetched") == 6);
        assertEquals(1, feed(id).getInt("reports_merged"));
        given().get("/api/exchanges/" + merged).then().statusCode(200)
                .body("sources.url", hasItem(server.url("/news/a054.html")))
                .body("sources.url", hasItem(server.url("/news/a051.html")));
        for (String a : ids) {
            assertEquals(1, server.count("/news/" + a + ".html"), a + " still fetched once");
        }
        assertEquals(1, server.count("/news/a054.html"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sources(Map<String, Object> exchange) {
        return (List<Map<String, Object>>) exchange.get("sources");
    }

    static String draftWithSource(String url) {
        List<Map<String, Object>> drafts = given().get("/api/exchanges?status=draft&limit=500").then().extract().path("items");
        return drafts.stream().filter(d -> sources(d).stream().anyMatch(s -> url.equals(s.get("url")))).findFirst()
                .map(d -> (String) d.get("id")).orElseThrow(() -> new AssertionError("no draft with source " + url));
    }

    /** Acceptance 3: errors on GET /api/feeds/{id}, retried; the other feed goes on. */
    @Test
    void errorsAreRecordedAndRetriedAndDoNotStopOtherFeeds() throws Exception {
        List<Fixtures.Item> entries = List.of(new Fixtures.Item("slow", server.url("/flaky/slow.html"), null),
                new Fixtures.Item("pdf", server.url("/flaky/report.pdf"), null),
                new Fixtures.Item("moved", server.url("/flaky/moved"), null),
                new Fixtures.Item("private", server.url("/flaky/private/page.html"), null),
                new Fixtures.Item("broken", server.url("/flaky/broken.html"), null));
        String atom = Fixtures.atom(entries);
        server.on("/flaky/feed.xml", (ex, nth) -> FeedServer.send(ex, nth <= 2 ? 500 : 200, "application/atom+xml",
                nth <= 2 ? "oops" : atom));
        String negative = Fixtures.page(Fixtures.article("a013"));
        server.on("/flaky/slow.html", (ex, nth) -> {
            if (nth == 1) {
                try {
                    Thread.sleep(3500); // beyond the tests' 2 s time-out
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            FeedServer.send(ex, 200, "text/html", negative);
        });
        server.on("/flaky/report.pdf", FeedServer.body("application/pdf", "%PDF-1.4"));
        server.on("/flaky/moved", (ex, nth) -> {
            ex.getResponseHeaders().add("Location", "/flaky/target.html");
            ex.sendResponseHeaders(302, -1);
        });
        server.on("/flaky/target.html", FeedServer.body("text/html", Fixtures.page(Fixtures.article("a036"))));
        server.on("/flaky/private/page.html", FeedServer.body("text/html", negative));
        server.on("/flaky/broken.html", (ex, nth) -> FeedServer.send(ex, 503, "text/plain", "down"));
        server.on("/steady/feed.rss", FeedServer.body("application/rss+xml",
                Fixtures.rss(List.of(new Fixtures.Item("steady", server.url("/steady/a070.html"), null)))));
        server.on("/steady/a070.html", FeedServer.body("text/html", Fixtures.page(Fixtures.article("a070"))));

        String flaky = register(server.url("/flaky/feed.xml"), "atom", "");
        String steady = register(server.url("/steady/feed.rss"), "rss", "");
        AtomicReference<JsonPath> failing = new AtomicReference<>();
        await("the feed's error shown", () -> {
            JsonPath f = feed(flaky);
            failing.set(f);
            return f.getInt("error_count") >= 1;
        });
        assertTrue(failing.get().getString("last_error").contains("HTTP 500"), failing.get().getString("last_error"));
        assertTrue(failing.get().get("last_error_at") != null);
        await("the other feed polled and its article fetched", () -> feed(steady).getInt("items_fetched") == 1);

        await("the feed retried until it answered", () -> feed(flaky).getInt("items_seen") == 5
                && feed(flaky).getInt("error_count") == 0 && feed(flaky).get("last_success_at") != null);
        await("the slow page retried and fetched", () -> stored(flaky, "/flaky/slow.html").getString("status").equals("fetched"));
        assertEquals(2, server.count("/flaky/slow.html"), "timed out once, then fetched");
        assertTrue(stored(flaky, "/flaky/slow.html").getInt("attempts") == 2);
        await("the redirect followed", () -> stored(flaky, "/flaky/moved").getString("status").equals("fetched"));
        assertEquals(1, server.count("/flaky/target.html"));
        await("the PDF refused", () -> stored(flaky, "/flaky/report.pdf").getString("status").equals("failed"));
        JsonPath pdf = stored(flaky, "/flaky/report.pdf");
        assertTrue(pdf.getString("reason").contains("not an HTML page"), pdf.getString("reason"));
        assertTrue(pdf.get("next_attempt_at") == null, "not retried: it will not become HTML");
        await("robots.txt honoured", () -> stored(flaky, "/flaky/private/page.html").getString("status").equals("failed"));
        assertTrue(stored(flaky, "/flaky/private/page.html").getString("reason").contains("robots.txt"));
        assertEquals(0, server.count("/flaky/private/page.html"));
        await("the broken page retried", () -> stored(flaky, "/flaky/broken.html").getInt("attempts") >= 2);
        JsonPath broken = stored(flaky, "/flaky/broken.html");
        assertTrue(broken.getString("reason").contains("HTTP 503"), broken.getString("reason"));
        assertTrue(server.count("/flaky/broken.html") >= 2);
        assertTrue(feed(flaky).getInt("items_failed") >= 2);
    }

    static JsonPath stored(String feed, String path) {
        List<Map<String, Object>> items = given().get("/api/feeds/" + feed + "/items").then().statusCode(200).extract().path("");
        Map<String, Object> found = items.stream().filter(i -> ((String) i.get("url")).endsWith(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + path + " in " + items));
        return new JsonPath(org.liaison.feed.Fixtures.JSON.valueToTree(found).toString());
    }

    @Test
    void aListingPageGivesTheLinksItsPatternMatches() throws Exception {
        server.on("/list/index.html", FeedServer.body("text/html", "<html><body><a href=\"/list/about.html\">About</a>"
                + "<a href=\"/list/1999/a070.html\">Story</a><a href=\"http://127.0.0.1:1/list/1999/x.html#c\">x</a>"
                + "<a href=\"mailto:x@example.org\">mail</a></body></html>"));
        server.on("/list/1999/a070.html", FeedServer.body("text/html", Fixtures.page(Fixtures.article("a070"))));
        String id = register(server.url("/list/index.html"), "listing", ", \"link_pattern\": \"/list/\\\\d{4}/\"");
        await("the listing's article fetched", () -> feed(id).getInt("items_fetched") == 1);
        assertEquals(2, feed(id).getInt("items_seen"), "the two links matching the pattern");
        assertEquals(1, server.count("/list/1999/a070.html"));
        assertEquals(0, server.count("/list/about.html"));
    }

    @Test
    void registrationNamesEveryBadField() {
        given().contentType("application/json").body("{\"url\": \"ftp://example.org/feed\", \"kind\": \"html\", "
                + "\"poll_interval\": \"1m\", \"language\": \"fr\"}").post("/api/feeds").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("url", "kind", "poll_interval", "language", "outlet"));
        given().contentType("application/json").body("{\"url\": \"http://127.0.0.1:1/l\", \"kind\": \"listing\", \"outlet\": \"x\"}")
                .post("/api/feeds").then().statusCode(422).body("errors.field", hasItem("link_pattern"));
        given().contentType("application/json").body("{\"url\": \"http://127.0.0.1:1/l\", \"outlet\": \"x\", \"poll_interval\": \"8d\"}")
                .post("/api/feeds").then().statusCode(422).body("errors[0].field", equalTo("poll_interval"));
        given().contentType("application/json").body("{\"url\": \"http://127.0.0.1:1/l\", \"outlet\": \"x\", \"colour\": 1}")
                .post("/api/feeds").then().statusCode(400).body("errors[0].field", equalTo("colour"));
        given().contentType("application/json").body("{\"url\": \"http://no-such-host.invalid/feed\", \"outlet\": \"x\"}")
                .post("/api/feeds").then().statusCode(422).body("errors[0].field", equalTo("url"))
                .body("errors[0].reason", containsString("does not resolve"));
        given().get("/api/feeds/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().get("/api/feeds/nope").then().statusCode(404);
    }

    @Test
    void editorsRegisterAndChangeAdminsDelete() {
        String url = server.url("/roles/feed.rss");
        server.on("/roles/feed.rss", FeedServer.body("application/rss+xml", Fixtures.rss(List.of())));
        String body = "{\"url\": \"" + url + "\", \"outlet\": \"x\", \"poll_interval\": \"2h\"}";
        given().auth().none().contentType("application/json").body(body).post("/api/feeds").then().statusCode(401);
        String editor = TestTokens.token("editor-feeds", "editor");
        String id = given().auth().oauth2(editor).contentType("application/json").body(body).post("/api/feeds").then()
                .statusCode(201).body("poll_interval", equalTo("PT2H")).body("kind", equalTo("rss")).extract().path("id");
        feeds.add(id);
        given().auth().oauth2(editor).contentType("application/json").body(body).post("/api/feeds").then().statusCode(409);
        given().auth().oauth2(editor).contentType("application/merge-patch+json").body("{\"poll_interval\": \"30m\", \"active\": false}")
                .patch("/api/feeds/" + id).then().statusCode(200).body("poll_interval", equalTo("PT30M")).body("active", equalTo(false));
        given().auth().oauth2(editor).contentType("application/merge-patch+json").body("{\"items_seen\": 3}")
                .patch("/api/feeds/" + id).then().statusCode(422).body("errors[0].field", equalTo("items_seen"));
        given().auth().none().get("/api/feeds").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(editor).delete("/api/feeds/" + id).then().statusCode(403);
        given().delete("/api/feeds/" + id).then().statusCode(204);
        given().get("/api/feeds/" + id).then().statusCode(404);
    }
}
