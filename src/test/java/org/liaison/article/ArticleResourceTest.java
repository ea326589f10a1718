package org.liaison.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liaison.Database;

@QuarkusTest
class ArticleResourceTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A corpus article as the request body (article fields only, not the gold). */
    static ObjectNode article(String id) throws IOException {
        ObjectNode a = (ObjectNode) MAPPER.readTree(Path.of("src/test/resources/corpus/dev/" + id + ".json").toFile());
        ObjectNode body = MAPPER.createObjectNode();
        for (String f : List.of("url", "outlet", "published", "language", "title", "text")) {
            body.set(f, a.get(f));
        }
        return body;
    }

    @Test
    void extractFollowsTheContractAndStoresNothing() throws IOException {
        long before = Database.exchanges();
        given().contentType(ContentType.JSON).body(article("s003").toString()).post("/api/articles/extract")
                .then().statusCode(200)
                .body("exchanges", hasSize(1))
                .body("exchanges[0]", hasKey("end_date"))
                .body("exchanges[0].date_precision", equalTo("day"))
                .body("exchanges[0].format", equalTo("in_person"))
                .body("exchanges[0].kind", equalTo("courtesy_call"))
                .body("exchanges[0].venue.code", equalTo("CN-BJ"))
                .body("exchanges[0].venue.name", equalTo("Beijing"))
                .body("exchanges[0].venue.country", equalTo("CN"))
                .body("exchanges[0].level", equalTo("locality"))
                .body("exchanges[0].participants.name", hasItems("Đinh Tiến Dũng", "Wang Huning"))
                .body("exchanges[0].participants[0]", hasKey("titles"))
                .body("exchanges[0].participants[0]", hasKey("organisation"))
                .body("exchanges[0].participants[0]", hasKey("locality"))
                .body("exchanges[0].localities.find { it.role == 'participant' }.code", equalTo("VN-HN"))
                .body("exchanges[0].themes", hasItems("high-level-trust", "party-building", "trade-investment"))
                .body("exchanges[0].evidence.field", hasItems("date", "venue", "participants", "themes"))
                .body("exchanges[0].evidence.find { it.field == 'venue' }.text", equalTo("Beijing"))
                .body("exchanges[0].confidence", notNullValue());
        assertEquals(before, Database.exchanges());
    }

    @Test
    void evidenceSpansPointIntoTheText() throws IOException {
        ObjectNode a = article("a007");
        String text = a.get("text").asText();
        List<java.util.Map<String, Object>> evidence = given().contentType(ContentType.JSON).body(a.toString())
                .post("/api/articles/extract").then().statusCode(200).extract().path("exchanges[0].evidence");
        int checked = 0;
        for (var e : evidence) {
            int start = (Integer) e.get("start");
            if (start >= 0) {
                assertEquals(e.get("text"), text.substring(start, (Integer) e.get("end")), e.toString());
                checked++;
            }
        }
        assertTrue(checked >= 3, "spans checked: " + checked);
    }

    @Test
    void articlesWithoutABilateralExchangeYieldNothing() throws IOException {
        for (String id : List.of("a013", "a036", "a070")) {
            given().contentType(ContentType.JSON).body(article(id).toString()).post("/api/articles/extract")
                    .then().statusCode(200).body("exchanges", empty());
        }
    }

    @Test
    void badArticlesAre422NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"text\": \"\", \"language\": \"fr\", \"published\": \"2023-13-01\"}")
                .post("/api/articles/extract").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("text", "language", "published"));
        for (String path : List.of("/api/articles/extract", "/api/articles")) {
            given().contentType(ContentType.JSON)
                    .body("{\"text\": \"Hanoi talks\", \"url\": \"https://example.org/x\", \"published\": \"-0001-01-01\"}")
                    .post(path).then().statusCode(422).body("errors.find { it.field == 'published' }.reason", containsString("1900-01-01"));
        }
        given().contentType(ContentType.JSON).body("{\"text\": \"Hanoi talks\", \"url\": \"not a url\"}")
                .post("/api/articles").then().statusCode(422).body("errors.field", hasItem("url"));
        given().contentType(ContentType.JSON).body("{\"text\": \"x\", \"colour\": 1}")
                .post("/api/articles/extract").then().statusCode(400).body("errors[0].field", equalTo("colour"));
    }

    @Test
    void twoReportsOfOneExchangeMakeOneRecordWithTwoSources() throws IOException {
        // Own URLs and another year, so that the demo data (which holds this exchange) stays as it is.
        ObjectNode vi = shifted(article("a051"), "https://example.org/test/a051");
        ObjectNode en = shifted(article("a054"), "https://example.org/test/a054");
        String first = given().contentType(ContentType.JSON).body(vi.toString()).post("/api/articles")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
                .body("exchanges", hasSize(1)).extract().path("exchanges[0].id");
        long exchanges = Database.exchanges();
        given().contentType(ContentType.JSON).body(en.toString()).post("/api/articles")
                .then().statusCode(200).body("exchanges", hasSize(1))
                .body("exchanges[0].id", equalTo(first))
                .body("exchanges[0].outcome", equalTo("merged"));
        assertEquals(exchanges, Database.exchanges(), "no new record for the second report");
        given().get("/api/exchanges/" + first).then().statusCode(200)
                .body("sources.url", hasItems("https://example.org/test/a051", "https://example.org/test/a054"))
                .body("date", equalTo("2024-11-27"))
                .body("participants.name", hasItems("Nguyễn Cảnh Toàn", "Wei Tao"));

        // Re-posting the same URL changes nothing.
        long version = Database.count("select version from data_version");
        given().contentType(ContentType.JSON).body(en.toString()).post("/api/articles")
                .then().statusCode(200).body("already_known", equalTo(true)).body("exchanges[0].id", equalTo(first))
                .body("exchanges.outcome", everyItem(equalTo("unchanged")));
        assertEquals(version, Database.count("select version from data_version"));
    }

    /** The same article a year earlier, under another URL. */
    static ObjectNode shifted(ObjectNode a, String url) {
        a.put("url", url);
        a.put("text", a.get("text").asText().replace("2025", "2024"));
        if (a.hasNonNull("published")) {
            a.put("published", a.get("published").asText().replace("2025", "2024"));
        }
        return a;
    }

    @Test
    void newExchangesAreDraftsInTheReviewQueue() throws IOException {
        ObjectNode a = article("a067");
        a.put("url", "https://example.org/test/a067");
        a.put("text", a.get("text").asText().replace("September 5th", "September 4th"));
        a.put("published", "2023-09-05");
        String id = given().contentType(ContentType.JSON).body(a.toString()).post("/api/articles")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201))).extract().path("exchanges[0].id");
        given().get("/api/exchanges/" + id).then().statusCode(200).body("status", org.hamcrest.Matchers.oneOf("draft", "verified"))
                .body("sources.url", hasItem("https://example.org/test/a067"));
        given().get("/api/exchanges?status=draft&limit=500").then().statusCode(200).body("items.id", hasItem(id));
        given().contentType("application/merge-patch+json").body("{\"status\": \"rejected\"}").patch("/api/exchanges/" + id + "?reason=test")
                .then().statusCode(200).body("status", equalTo("rejected"));
    }

    @Test
    void storingAnArticleWithADifferingValueNotesTheDisagreement() throws IOException {
        // published in 2022: not the demo data's record of this call (2023)
        ObjectNode a = article("s003");
        a.put("url", "https://example.org/test/s003-phone");
        a.put("published", "2022-09-29");
        a.put("text", a.get("text").asText().replace("paid a courtesy call to", "held phone talks with")
                .replace(", in Beijing on September 28", " on September 28"));
        String id = given().contentType(ContentType.JSON).body(a.toString()).post("/api/articles").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201))).extract().path("exchanges[0].id");
        ObjectNode b = article("s003");
        b.put("url", "https://example.org/test/s003-visit");
        b.put("published", "2022-09-29");
        given().contentType(ContentType.JSON).body(b.toString()).post("/api/articles").then().statusCode(200)
                .body("exchanges[0].id", equalTo(id))
                .body("exchanges[0].disagreements", notNullValue());
        given().get("/api/exchanges/" + id).then().body("notes", containsString("disagrees"));
    }
}
