package org.liaison.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaison.ItDatabase;
import org.liaison.ServiceProcess;

/**
 * Acceptance 2: two instances of the artifact on one database (the one under test and a second
 * one started here) poll the same feeds; each article is fetched exactly once, counted at the
 * server, and so is the feed at each poll.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class FeedsTwoInstancesIT {

    static final int ARTICLES = 24;

    @Test
    void twoInstancesFetchEachArticleOnce() throws Exception {
        String jdbc = System.getProperty(ItDatabase.JDBC_URL);
        int port = Integer.parseInt(jdbc.replaceFirst(".*:(\\d+)/.*", "$1"));
        Map<String, String> settings = new HashMap<>(ServiceProcess.datasource(port));
        settings.putAll(ItDatabase.FEEDS);
        settings.put("liaison.demo-data", "false");
        settings.put("liaison.feeds.batch", "2"); // small claims, so that both instances take some
        try (FeedServer server = new FeedServer();
                ServiceProcess second = ServiceProcess.start("feeds-second-instance", settings, List.of())) {
            second.awaitReady(Duration.ofSeconds(240));
            String page = Fixtures.page(Fixtures.article("a036"));
            List<Fixtures.Item> items = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                server.on("/two/" + i + ".html", FeedServer.body("text/html", page));
                items.add(new Fixtures.Item("item " + i, server.url("/two/" + i + ".html"), null));
            }
            server.on("/two/feed.rss", FeedServer.body("application/rss+xml", Fixtures.rss(items)));
            String id = given().contentType("application/json").body("{\"url\": \"" + server.url("/two/feed.rss")
                    + "\", \"outlet\": \"two.test\"}").post("/api/feeds").then().statusCode(201).extract().path("id");
            try {
                FeedsTest.await("every article fetched", () -> FeedsTest.feed(id).getInt("items_fetched") == ARTICLES);
                assertEquals(1, server.count("/two/feed.rss"), "the feed polled once");
                for (int i = 0; i < ARTICLES; i++) {
                    assertEquals(1, server.count("/two/" + i + ".html"), "article " + i + " fetched once");
                }
            } finally {
                given().delete("/api/feeds/" + id).then().statusCode(204);
            }
        }
    }
}
