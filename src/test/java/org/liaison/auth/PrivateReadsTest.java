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
class PrivateReadsTest {

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
                "/api;x=1/exchanges", "/api/exchanges;x=1", "/")) {
            given().auth().none().urlEncodingEnabled(false).get(spelling).then().statusCode(401);
        }
        given().auth().none().contentType("application/json").body(ExtractLimitsTest.ARTICLE).post("/api/articles/extract")
                .then().statusCode(401);
    }

    @Test
    void healthAndTheApiDescriptionStayOpen() {
        given().auth().none().get("/q/health/ready").then().statusCode(200);
        given().auth().none().get("/q/openapi").then().statusCode(200);
    }
}
