package org.liaison.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.HeaderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Repeated stats requests are answered by {@link StatsHitRoute} before the REST layer: the same
 * bytes and headers as the resource's answer, CORS and 304s included, and never an answer of
 * data that has changed since.
 */
@QuarkusTest
class StatsHitRouteTest {

    static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    static final List<String> HEADERS = List.of("Content-Type", "ETag", "Cache-Control", "Vary", "Content-Encoding",
            "Access-Control-Allow-Origin");

    @Inject
    StatsHitRoute route;

    private Response twice(Supplier<RequestSpecification> request, String path) {
        Response first = request.get().get(path);
        long before = route.served();
        Response again = request.get().get(path);
        assertEquals(before + 1, route.served(), path + ": the repeat is answered by the route");
        assertEquals(first.statusCode(), again.statusCode(), path);
        for (String h : HEADERS) {
            assertEquals(first.header(h), again.header(h), path + ": header " + h);
        }
        assertArrayEquals(first.asByteArray(), again.asByteArray(), path + ": the same bytes");
        return again;
    }

    @Test
    void aRepeatIsTheResourcesAnswerByteForByte() {
        twice(() -> given().config(RAW), "/api/stats/themes?granularity=all");
        twice(() -> given().config(RAW).header("Accept-Encoding", "gzip"), "/api/stats/themes?granularity=all");
        twice(() -> given().config(RAW).accept("text/csv"), "/api/stats/localities?side=VN");
        twice(() -> given().config(RAW), "/api/stats/timeline?format=table");
        Response cors = twice(() -> given().config(RAW).header("Origin", "https://dashboard.example"), "/api/stats/summary");
        assertEquals("https://dashboard.example", cors.header("Access-Control-Allow-Origin"));
    }

    @Test
    void notModifiedAndTheGzipTagWorkOnTheRouteToo() {
        String etag = given().config(RAW).header("Accept-Encoding", "gzip").get("/api/stats/people").then().statusCode(200)
                .extract().header("ETag");
        assertTrue(etag.endsWith("-gz\""), etag);
        long before = route.served();
        given().config(RAW).header("Accept-Encoding", "gzip").header("If-None-Match", etag).get("/api/stats/people").then()
                .statusCode(304).header("ETag", etag);
        assertEquals(before + 1, route.served());
    }

    @Test
    void aWriteSendsTheNextRequestBackToTheDatabase() {
        String path = "/api/stats/summary?status=draft,verified";
        int total = given().get(path).then().statusCode(200).extract().jsonPath().getInt("rows[0].exchanges");
        given().get(path).then().statusCode(200);
        String id = given().contentType(ContentType.JSON).body("""
                {"date": "2004-04-04", "format": "online", "kind": "talks",
                 "participants": [{"name": "Route Tester", "side": "VN"}, {"name": "Wang Yi", "side": "CN"}]}""")
                .post("/api/exchanges").then().statusCode(201).extract().jsonPath().getString("id");
        long before = route.served();
        int after = given().get(path).then().statusCode(200).extract().jsonPath().getInt("rows[0].exchanges");
        assertEquals(before, route.served(), "the cached answer is of an earlier epoch: the resource answers");
        assertEquals(total + 1, after);
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
    }

    @Test
    void badOrUnknownRequestsAreNeverServedByTheRoute() {
        long before = route.served();
        for (int i = 0; i < 2; i++) {
            given().get("/api/stats/themes?granularity=week").then().statusCode(400);
            given().get("/api/stats/nothing").then().statusCode(404);
        }
        assertEquals(before, route.served());
        // two Accept headers: the resource decides every time
        RestAssuredConfig twoAccepts = RestAssuredConfig.config().headerConfig(HeaderConfig.headerConfig().mergeHeadersWithName("Accept"));
        for (int i = 0; i < 2; i++) {
            given().config(twoAccepts).header("Accept", "text/csv").header("Accept", "application/json").get("/api/stats/domains")
                    .then().statusCode(200);
        }
        assertEquals(before, route.served());
    }
}
