package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headers of SecurityHeaders on every kind of answer, and CORS only for the configured origin. */
@QuarkusTest
public class SecurityHeadersTest {

    static void hasTheHeaders(Response r, String policy, String what) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertEquals("no-referrer", r.header("Referrer-Policy"), what);
        assertEquals(policy, r.header("Content-Security-Policy"), what);
    }

    @Test
    void everyAnswerOfTheApiHasThem() {
        for (String path : List.of("/api/exchanges?limit=1", "/api/exchanges?format=csv&limit=1", "/api/changes?limit=1",
                "/api/stats/summary", "/api/stats/summary", // the second from the cache, ahead of the REST layer
                "/api/exchanges/00000000-0000-0000-0000-000000000000", "/api/exchanges?bogus=1", "/q/health/ready",
                "/q/openapi", "/nothing-here")) {
            hasTheHeaders(given().get(path), SecurityHeaders.API_POLICY, path);
        }
        hasTheHeaders(given().contentType("application/json").body("{").post("/api/exchanges"), SecurityHeaders.API_POLICY, "a 400");
    }

    /** Served in the tests and dev mode (a packaged build only when configured: ProductionBuildIT). */
    @Test
    void swaggerUiIsAPageWithItsOwnPolicy() {
        Response page = given().redirects().follow(true).get("/q/swagger-ui/");
        assertEquals(200, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        hasTheHeaders(page, SecurityHeaders.HTML_POLICY, "Swagger UI");
    }

    /** The dashboard is a page; its scripts are files (no inline script or handler), ECharts comes from its WebJar. */
    @Test
    void theDashboardIsAPageWhoseScriptsAreFiles() {
        Response page = given().get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        hasTheHeaders(page, SecurityHeaders.HTML_POLICY, "the dashboard");
        String html = page.asString();
        assertTrue(html.contains("<script src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\""), "ECharts from the WebJar");
        assertTrue(!html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*") && !html.matches("(?s).*\\son[a-z]+=.*"),
                "no inline script, no inline event handler");
        for (String asset : List.of("/dashboard.js", "/dashboard.css", "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            Response r = given().get(asset);
            assertEquals(200, r.statusCode(), asset);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), asset);
        }
    }

    /**
     * A browser revalidating the page it keeps (a reload) gets a 304, whose headers replace the kept ones: a 304 with
     * the API's policy (it has no Content-Type) made the reloaded page run no script. The page's own files are asked
     * for again each time (no-cache: their names do not change between releases); the chart library's path has its
     * version and stays cached.
     */
    @Test
    void aRevalidatedPageKeepsItsPolicyAndThePagesFilesAreRevalidated() {
        for (String path : List.of("/", "/dashboard.js", "/dashboard.css")) {
            Response first = given().get(path);
            assertEquals("no-cache", first.header("Cache-Control"), path);
            String validator = first.header("Last-Modified");
            Response again = given().header("If-Modified-Since", validator).get(path);
            assertEquals(304, again.statusCode(), path);
            assertNull(again.header("Content-Security-Policy"), path + ": a 304 carries no policy of its own");
            assertEquals("nosniff", again.header("X-Content-Type-Options"), path);
        }
        assertTrue(given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").header("Cache-Control").contains("max-age"));
    }

    @Test
    void corsIsForTheConfiguredOriginsOnly() {
        Response other = given().header("Origin", "https://elsewhere.example").get("/api/exchanges?limit=1");
        assertEquals(403, other.statusCode(), "an origin that is not configured is refused");
        assertNull(other.header("Access-Control-Allow-Origin"));
        Response dashboard = given().header("Origin", "https://dashboard.example").get("/api/exchanges?limit=1");
        assertEquals(200, dashboard.statusCode());
        assertEquals("https://dashboard.example", dashboard.header("Access-Control-Allow-Origin"));
        hasTheHeaders(dashboard, SecurityHeaders.API_POLICY, "a cross-origin answer");
    }
}
