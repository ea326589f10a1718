package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

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
}
