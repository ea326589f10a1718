package org.liaison.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * POST /api/articles/extract needs no token, so its body and how often a client without a role
 * may call it are limited (512 KB; 10 at once, then 30 a minute, in the tests 2 a minute).
 */
@QuarkusTest
class ExtractLimitsTest {

    static final String ARTICLE = "{\"published\": \"2024-05-07\", \"language\": \"en\", \"text\": \"Politburo member Nguyen Xuan Thang "
            + "met Guangxi Party Secretary Chen Gang in Nanning on May 6.\"}";

    static Response extract(io.restassured.specification.RequestSpecification spec) {
        return spec.contentType("application/json").body(ARTICLE).post("/api/articles/extract");
    }

    @Test
    void anyoneMayExtractUntilTheBurstIsSpentThen429WithRetryAfter() {
        extract(given().auth().none()).then().statusCode(200);
        Response limited = null;
        for (int i = 0; i < 12 && limited == null; i++) { // the burst is 10
            Response r = extract(given().auth().none());
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                r.then().statusCode(200);
            }
        }
        assertTrue(limited != null, "no 429 after the burst");
        limited.then().contentType("application/problem+json").body("type", equalTo("urn:liaison:problem:too-many-requests"))
                .body("detail", containsString("At most 2 extractions a minute (bursts of 10)"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, limited.header("Retry-After"));
        // a token that does not verify counts as none; a role of the service is not counted
        extract(given().auth().none().header("Authorization", "Bearer not-a-jwt")).then().statusCode(429);
        extract(given().auth().none().header("Authorization", "Bearer " + TestTokens.token("visitor", "visitor"))).then().statusCode(429);
        extract(given().auth().none().header("Authorization", "Bearer " + TestTokens.token("eddie", Role.EDITOR))).then().statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIs413AndOneOfUnannouncedLength411() throws IOException {
        String big = "{\"text\": \"" + "x".repeat(600_000) + "\"}";
        given().contentType("application/json").body(big).post("/api/articles/extract").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("extract takes at most 524288"));
        try (Socket s = new Socket("localhost", io.restassured.RestAssured.port)) {
            s.setSoTimeout(10_000);
            byte[] chunk = ARTICLE.getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write(("POST /api/articles/extract HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(chunk.length) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(chunk);
            s.getOutputStream().write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 411"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("urn:liaison:problem:length-required"), answer);
        }
    }
}
