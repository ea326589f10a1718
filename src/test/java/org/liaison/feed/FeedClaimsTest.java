package org.liaison.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Claims in the database: four pollers racing over one feed's articles (the scheduler's own
 * rounds besides) fetch each article exactly once, counted at the server. Two service
 * instances on one database: FeedsTwoInstancesIT.
 */
@QuarkusTest
class FeedClaimsTest {

    static final int ARTICLES = 16;

    @Inject
    Poller poller;

    @Test
    void racingPollersFetchEachArticleOnce() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String page = Fixtures.page(Fixtures.article("a013")); // no exchange: only the fetches count here
            List<Fixtures.Item> items = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                server.on("/race/" + i + ".html", FeedServer.body("text/html", page));
                items.add(new Fixtures.Item("item " + i, server.url("/race/" + i + ".html"), null));
            }
            server.on("/race/feed.rss", FeedServer.body("application/rss+xml", Fixtures.rss(items)));
            ExecutorService pollers = Executors.newFixedThreadPool(4);
            String id = given().contentType("application/json").body("{\"url\": \"" + server.url("/race/feed.rss")
                    + "\", \"outlet\": \"race.test\"}").post("/api/feeds").then().statusCode(201).extract().path("id");
            try {
                List<Future<Integer>> rounds = new ArrayList<>();
                for (int n = 0; n < 8; n++) {
                    rounds.add(pollers.submit(poller::pollDue));
                }
                for (Future<Integer> r : rounds) {
                    r.get();
                }
                FeedsTest.await("every article fetched", () -> FeedsTest.feed(id).getInt("items_fetched") == ARTICLES);
                assertEquals(1, server.count("/race/feed.rss"), "the feed polled once");
                for (int i = 0; i < ARTICLES; i++) {
                    assertEquals(1, server.count("/race/" + i + ".html"), "article " + i + " fetched once");
                }
            } finally {
                pollers.shutdownNow();
                given().delete("/api/feeds/" + id).then().statusCode(204);
            }
        }
    }
}
