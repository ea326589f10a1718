package org.liaison.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** liaison.auth.public-reads=false: every /api read needs a valid token, of any role; health and OpenAPI stay open. */
@QuarkusTest
@TestProfile(PrivateReadsTest.Private.class)
public class PrivateReadsTest {

    public static class Private implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("liaison.auth.public-reads", "false");
        }
    }

    static final List<String> READS = List.of("/api/exchanges?limit=1", "/api/exchanges/export?format=csv", "/api/stats/summary",
            "/api/themes", "/api/localities?q=Lang", "/api/people?q=Wang", "/api");

    @Test
    void everyReadNeedsAValidToken() {
        String visitor = TestTokens.token("visitor", "visitor");
        for (String read : READS) {
            given().auth().none().header("Authorization", "Bearer " + visitor).get(read).then()
                    .statusCode(read.equals("/api") ? 404 : 200);
            given().auth().none().get(read).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"liaison\""))
                    .body("type", equalTo(BearerProblems.UNAUTHORIZED)).body("detail", containsString("public-reads=false"));
            given().auth().none().header("Authorization", "Bearer " + AuthenticationTest.tamperedSignature(visitor)).get(read).then()
                    .statusCode(401).header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        }
        // the stats answer kept in memory (served before the REST layer) is not handed out either
        given().auth().none().head("/api/stats/summary").then().statusCode(401);
        for (String spelling : List.of("/api//stats/summary", "/%61pi/exchanges", "/api/./exchanges", "/q/../api/exchanges",
                "/api;x=1/exchanges", "/api/exchanges;x=1", "/dashboard.js/../api/exchanges", "/index.html;x=1")) {
            given().auth().none().urlEncodingEnabled(false).get(spelling).then().statusCode(401);
        }
        given().auth().none().contentType("application/json").body(ExtractLimitsTest.ARTICLE).post("/api/articles/extract")
                .then().statusCode(401);
    }

    @Test
    void aStatsAnswerKeptInMemoryIsServedToAValidToken() {
        String visitor = TestTokens.token("visitor", "visitor");
        io.restassured.config.RestAssuredConfig patient = io.restassured.RestAssured.config().httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000));
        String etag = null;
        for (int i = 0; i < 3; i++) { // the first answer is computed, the next ones come from memory (StatsHitRoute)
            etag = given().config(patient).auth().none().header("Authorization", "Bearer " + visitor)
                    .get("/api/stats/themes?granularity=year").then().statusCode(200).extract().header("ETag");
        }
        // a browser's reload asks again with the validator it has
        for (String path : List.of("/api/stats/themes?granularity=year", "/api/exchanges?limit=20", "/api/themes")) {
            String tag = given().config(patient).auth().none().header("Authorization", "Bearer " + visitor).get(path).then()
                    .statusCode(200).extract().header("ETag");
            if (tag != null) {
                given().config(patient).auth().none().header("Authorization", "Bearer " + visitor).header("If-None-Match", tag)
                        .get(path).then().statusCode(304);
            }
        }
        org.junit.jupiter.api.Assertions.assertNotNull(etag);
    }

    @Test
    void aConnectionKeptAliveAfterA401StillAnswers() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI uri = java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/stats/summary");
        String visitor = TestTokens.token("visitor", "visitor");
        for (String auth : List.of("Bearer not-a-token", "", "Bearer " + visitor, "Bearer " + visitor)) {
            java.net.http.HttpRequest.Builder r = java.net.http.HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(10));
            if (!auth.isEmpty()) {
                r.header("Authorization", auth);
            }
            java.net.http.HttpResponse<String> a = client.send(r.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertEquals(auth.contains(visitor) ? 200 : 401, a.statusCode(), auth + ": " + a.body());
        }
    }

    @Test
    void theDashboardsOwnFilesAreOpenAndItsDataIsNot() {
        given().auth().none().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("id=\"token-form\""));
        for (String file : List.of("/index.html", "/dashboard.js", "/dashboard.css", "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            given().auth().none().get(file).then().statusCode(200);
        }
        given().auth().none().get("/dashboard.js").then().body(containsString("Authorization"));
        given().auth().none().get("/webjars/echarts/5.3.1/LICENSE").then().statusCode(401); // named files only
    }

    @Test
    void healthAndTheApiDescriptionStayOpen() {
        given().auth().none().get("/q/health/ready").then().statusCode(200);
        given().auth().none().get("/q/openapi").then().statusCode(200);
    }
}
