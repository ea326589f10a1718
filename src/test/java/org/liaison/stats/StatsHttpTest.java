package org.liaison.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.liaison.web.ContentCoding;

/** Representations, caching headers, CORS and parameter errors of the stats endpoints. */
@QuarkusTest
class StatsHttpTest {

    static final List<String> ENDPOINTS = List.of("themes", "domains", "localities", "locality-pairs", "timeline", "people",
            "theme-cooccurrence", "summary");

    @Test
    void everyEndpointSpeaksJsonCsvAndTable() {
        for (String e : ENDPOINTS) {
            String path = "/api/stats/" + e;
            int rows = given().get(path).then().statusCode(200).contentType(ContentType.JSON)
                    .body("rows", notNullValue()).extract().jsonPath().getList("rows").size();
            assertTrue(rows > 0, e + " has rows on the demo data");
            String csv = given().accept("text/csv").get(path).then().statusCode(200).contentType(startsWith("text/csv"))
                    .extract().asString();
            assertEquals(rows + 1, csv.lines().count(), e + ": header + one line per row");
            assertEquals(csv, given().get(path + "?format=csv").then().statusCode(200).extract().asString());
            String table = given().get(path + "?format=table").then().statusCode(200).contentType(startsWith("text/plain"))
                    .extract().asString();
            List<String> lines = table.lines().toList();
            assertTrue(lines.get(1).matches("[- ]+"), e + ": a rule under the header");
            assertEquals(rows + 3, lines.size(), e + ": header, rule, rows, count");
            assertEquals(table, given().accept("text/plain").get(path).then().extract().asString());
        }
    }

    @Test
    void tableColumnsAreAligned() {
        String table = given().get("/api/stats/localities?format=table").then().extract().asString();
        List<String> lines = table.lines().toList();
        int exchangesEnd = lines.get(0).indexOf("exchanges") + "exchanges".length();
        for (String l : lines.subList(2, lines.size() - 1)) {
            assertTrue(l.length() == exchangesEnd && Character.isDigit(l.charAt(l.length() - 1)), l);
        }
    }

    @Test
    void unknownFormatsAre406() {
        given().get("/api/stats/themes?format=xml").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"));
        given().accept("application/xml").get("/api/stats/themes").then().statusCode(406).contentType("application/problem+json");
        // format also filters by the exchange's format, and both combine
        String csv = given().get("/api/stats/timeline?format=online,csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        csv.lines().skip(1).forEach(l -> assertEquals("0", l.split(",")[4], "no in_person exchange among online ones: " + l));
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        for (String[] c : new String[][] {
                { "themes?granularity=week", "granularity" }, { "themes?theme=trade", "theme" },
                { "themes?from=2024-01-02&to=2024-01-01", "from" }, { "themes?from=01/02/2024", "from" },
                { "themes?top=0", "top" }, { "localities?side=XX", "side" }, { "localities?boundaries=old", "boundaries" },
                { "summary?side=VN", "side" }, { "people?locality=Atlantis", "locality" }, { "timeline?status=ok", "status" } }) {
            given().get("/api/stats/" + c[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1]));
        }
    }

    @Test
    void etagAnswers304AndChangesAfterAWrite() {
        String etag = given().get("/api/stats/summary").then().statusCode(200)
                .header("Cache-Control", containsString("must-revalidate")).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/stats/summary").then().statusCode(304);
        // another representation or query has another tag
        assertNotEquals(etag, given().get("/api/stats/summary?format=csv").then().extract().header("ETag"));

        given().contentType(ContentType.JSON).body("""
                {"date": "2003-03-03", "format": "phone", "kind": "talks",
                 "participants": [{"name": "Etag Caller", "side": "VN"}, {"name": "Wang Yi", "side": "CN"}]}""")
                .post("/api/exchanges").then().statusCode(201);
        String after = given().header("If-None-Match", etag).get("/api/stats/summary").then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(etag, after);
        given().header("If-None-Match", after).get("/api/stats/summary").then().statusCode(304);
    }

    @Test
    void largeAnswersAreGzippedForClientsThatAskAndTheirTagsStillMatch() throws Exception {
        // raw bytes: REST Assured would otherwise ask for gzip itself and decode it unseen
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        byte[] plain = given().config(raw).get("/api/stats/themes").then().statusCode(200)
                .header("Content-Encoding", nullValue()).header("Vary", containsString("Accept-Encoding"))
                .extract().asByteArray();
        assertTrue(plain.length >= ContentCoding.MIN_BYTES, "themes on the demo data is large enough to compress: " + plain.length);
        for (String acceptEncoding : List.of("gzip", "br, gzip;q=0.5", "*")) {
            var r = given().config(raw).header("Accept-Encoding", acceptEncoding).get("/api/stats/themes").then().statusCode(200)
                    .header("Content-Encoding", equalTo("gzip")).extract();
            byte[] zipped = r.asByteArray();
            assertTrue(zipped.length < plain.length / 2, acceptEncoding + ": " + zipped.length + " of " + plain.length);
            try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
                assertArrayEquals(plain, in.readAllBytes(), acceptEncoding + ": the same answer once decoded");
            }
            String etag = r.header("ETag");
            assertTrue(etag.endsWith("-gz\""), etag);
            given().config(raw).header("Accept-Encoding", acceptEncoding).header("If-None-Match", etag)
                    .get("/api/stats/themes").then().statusCode(304).header("ETag", equalTo(etag));
        }
        for (String refused : List.of("identity", "gzip;q=0", "*;q=0", "br")) {
            given().config(raw).header("Accept-Encoding", refused).get("/api/stats/themes").then().statusCode(200)
                    .header("Content-Encoding", nullValue());
        }
        // small answers are not worth it
        given().config(raw).header("Accept-Encoding", "gzip").get("/api/stats/summary").then().statusCode(200)
                .header("Content-Encoding", nullValue());
    }

    @Test
    void corsForConfiguredDashboardOrigins() {
        given().header("Origin", "https://dashboard.example").get("/api/stats/themes").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example");
        given().header("Origin", "https://dashboard.example").header("Access-Control-Request-Method", "GET")
                .options("/api/stats/themes").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example");
        given().header("Origin", "https://elsewhere.example").get("/api/stats/themes").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
