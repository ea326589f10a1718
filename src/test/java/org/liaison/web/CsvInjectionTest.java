package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaison.exchange.ExchangeResourceTest;

/**
 * Acceptance 5 of issue 16: a CSV cell that begins with "=" comes out neutralised in the export,
 * the list and the stats, while JSON keeps the value as stored.
 */
@QuarkusTest
public class CsvInjectionTest {

    static final String DAY = "1911-11-11";
    static final String NAME = "=HYPERLINK(\"https://evil.example\",\"x\")";
    static final String NEUTRALISED_NAME = "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"";
    static final String ONLY_IT = "from=" + DAY + "&to=" + DAY;

    private String id;

    @BeforeEach
    void storeAHostileRecord() {
        String body = """
                {"date": "%s", "format": "in_person", "kind": "talks", "venue": "Nam Ninh", "key": "csv-%s",
                 "notes": "=1+2",
                 "participants": [
                   {"name": "%s", "side": "VN", "titles": "@SUM(A1)"},
                   {"name": "Lưu Ninh", "side": "CN", "locality": "Quảng Tây"}],
                 "themes": ["trade-investment"],
                 "sources": [{"url": "https://example.org/csv", "outlet": "example.org", "published": "%s", "language": "en"}]}"""
                .formatted(DAY, UUID.randomUUID(), NAME.replace("\"", "\\\""), DAY);
        id = ExchangeResourceTest.post(body).then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void remove() {
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
    }

    @Test
    void theExportNeutralisesACellBeginningWithEquals() {
        String csv = given().accept("text/csv").get("/api/exchanges/export?" + ONLY_IT).then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(",'=1+2\r\n"), "the note, neutralised: " + csv);
        assertTrue(csv.contains(NEUTRALISED_NAME.substring(0, NEUTRALISED_NAME.length() - 1)), "the participant: " + csv);
        assertFalse(csv.contains(",=1+2"), csv);
        // the lossless formats keep the value as stored
        String ndjson = given().get("/api/exchanges/export?" + ONLY_IT).then().statusCode(200).extract().asString();
        assertTrue(ndjson.contains("\"notes\":\"=1+2\""), ndjson);
    }

    @Test
    void theListAsCsvToo() {
        String csv = given().get("/api/exchanges?format=csv&" + ONLY_IT).then().statusCode(200).extract().asString();
        assertTrue(csv.contains(",'=1+2\r\n"), csv);
    }

    @Test
    void theStatsNeutraliseAParticipantNamedLikeAFormula() {
        String csv = given().get("/api/stats/people?format=csv&" + ONLY_IT).then().statusCode(200).extract().asString();
        assertTrue(csv.contains(NEUTRALISED_NAME + ",VN,1,"), "the name, neutralised and quoted: " + csv);
        assertFalse(csv.contains("\n=") || csv.contains("\n\"="), csv);
        String json = given().get("/api/stats/people?" + ONLY_IT).then().statusCode(200).extract().asString();
        assertTrue(json.contains("\"=HYPERLINK("), "JSON keeps the name: " + json);
    }
}
