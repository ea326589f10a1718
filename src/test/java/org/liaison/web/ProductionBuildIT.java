package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.liaison.ItDatabase;

/**
 * The packaged artifact (the jar; the native executable with -Dnative), in the prod profile as
 * deployed: no Swagger UI and no dev UI unless configured, the security headers on its answers,
 * and CORS only for the origin the test resource configures.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class ProductionBuildIT {

    @Test
    void noSwaggerUiAndNoDevUi() {
        for (String path : new String[] { "/q/swagger-ui", "/q/swagger-ui/", "/q/swagger-ui/index.html", "/q/dev-ui", "/q/dev-ui/" }) {
            assertEquals(404, given().redirects().follow(true).get(path).statusCode(), path);
        }
        // the OpenAPI document itself stays
        assertEquals(200, given().get("/q/openapi").statusCode());
    }

    @Test
    void theHeadersAreThere() {
        for (String path : new String[] { "/api/exchanges?limit=1", "/api/changes?limit=1", "/api/stats/summary", "/q/health/ready" }) {
            SecurityHeadersTest.hasTheHeaders(given().get(path), SecurityHeaders.API_POLICY, path);
        }
    }

    @Test
    void corsIsOptIn() {
        Response other = given().header("Origin", "https://elsewhere.example").get("/api/exchanges?limit=1");
        assertEquals(403, other.statusCode());
        assertNull(other.header("Access-Control-Allow-Origin"));
    }
}
