package org.liaison.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The one filter definition as a client sees it: lists everywhere, the same rules on every
 * endpoint, unknown parameters refused everywhere, query strings read as UTF-8.
 */
@QuarkusTest
public class ExchangeFiltersTest {

    static final String PROBLEM = "application/problem+json";

    static int total(String query) {
        return given().get("/api/exchanges?limit=1&" + query).then().statusCode(200).extract().path("total");
    }

    @Test
    void everyListFilterTakesSeveralValuesMeaningOr() {
        assertEquals(total("kind=talks") + total("kind=meeting"), total("kind=talks,meeting"));
        assertEquals(total("kind=talks,meeting"), total("kind=talks&kind=meeting"), "a repeated parameter is a list too");
        assertEquals(total("format=online") + total("format=in_person"), total("format=online,in_person"));
        assertEquals(total("level=central") + total("level=locality"), total("level=central,locality"));
        assertEquals(total("country=VN") + total("country=CN"), total("country=VN,CN"));
        assertTrue(total("domain=economy,security") >= total("domain=economy"));
        int wang = total("person=Wang Huning");
        int chen = total("person=Chen Gang");
        assertTrue(wang > 0, "Wang Huning is in the demo data");
        assertTrue(total("person=Wang Huning,Chen Gang") >= Math.max(wang, chen));
        assertEquals(wang, total("person=Vương Hộ Ninh"), "any alias, any spelling");
        given().get("/api/exchanges?kind=talks,nope").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("kind")).body("errors[0].value", equalTo("nope"));
    }

    @Test
    void theCountryFilterIsWhereItTookPlaceNotWhoseLocalityItIs() {
        given().get("/api/exchanges?locality=Guangxi&country=VN").then().statusCode(200);
        assertTrue(total("locality=Guangxi&country=VN") <= total("locality=Guangxi"));
        assertTrue(total("locality=Guangxi") >= total("locality=Guangxi&country=VN") + total("locality=Guangxi&country=CN"),
                "an exchange took place in one country, or its venue is not known");
        assertEquals(total("locality=Guangxi&country=VN,CN"), total("locality=Guangxi&country=VN") + total("locality=Guangxi&country=CN"));
    }

    @Test
    void textSearchIgnoresDiacriticsAndMatchesLiterally() {
        int accented = total("q=Lạng Sơn");
        assertTrue(accented > 0);
        assertEquals(accented, total("q=lang son"));
        assertEquals(accented, total("q=LANG SON"));
        for (String everything : List.of("%", "_", "!!!", "  ")) {
            given().queryParam("q", everything).get("/api/exchanges").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("q"));
        }
        assertEquals(0, total("q=zzqx%25"), "% is a character, not a wildcard");
    }

    @Test
    void hoChiMinhAloneIsNoPlace() {
        given().queryParam("locality", "Hồ Chí Minh").get("/api/exchanges").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("locality"));
        given().queryParam("locality", "TP Hồ Chí Minh").get("/api/exchanges").then().statusCode(200);
        given().queryParam("locality", "Ho Chi Minh City").get("/api/stats/summary").then().statusCode(200);
        ExchangeResourceTest.post(ExchangeResourceTest.exchange("2001-09-09", "").replace("\"Nam Ninh\"", "\"Hồ Chí Minh\""))
                .then().statusCode(422).body("errors.field", hasItem("venue"));
    }

    @Test
    void datesOutsideTheRangeAreRefusedEverywhere() {
        for (String path : List.of("/api/exchanges", "/api/exchanges/export", "/api/stats/timeline", "/api/stats/summary")) {
            for (String date : List.of("-0001-01-01", "+999999999-12-31", "1899-12-31", "+10000-01-01")) {
                given().queryParam("from", date).get(path).then().statusCode(400).contentType(PROBLEM)
                        .body("errors[0].field", equalTo("from"));
                given().queryParam("to", date).get(path).then().statusCode(400).body("errors[0].field", equalTo("to"));
            }
        }
        given().get("/api/stats/summary?to=2099-12-31").then().statusCode(200);
    }

    @Test
    void theNextLinkIsNullPastTheEnd() {
        given().get("/api/exchanges?offset=2147483647&limit=500").then().statusCode(200)
                .body("next", nullValue()).body("offset", equalTo(2147483647));
        int all = total("");
        given().get("/api/exchanges?limit=1&offset=" + (all - 1)).then().body("next", nullValue());
        given().get("/api/exchanges?limit=1&offset=0").then().body("next", containsString("offset=1"));
    }

    @Test
    void unknownParametersAreRefusedOnEveryEndpoint() {
        String id = given().get("/api/exchanges?limit=1").then().extract().path("items[0].id");
        int person = given().get("/api/people?q=Wang Huning").then().extract().path("[0].id");
        for (String path : List.of("/api/exchanges", "/api/exchanges/export", "/api/exchanges/" + id, "/api/stats/themes",
                "/api/stats/summary", "/api/stats/people", "/api/themes", "/api/localities", "/api/localities/VN-HN",
                "/api/people", "/api/people/" + person)) {
            given().get(path + "?themes=tourism").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("themes"));
        }
        given().get("/api/exchanges/export?limit=1").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void rawUtf8InTheQueryStringIsReadAsUtf8() throws IOException {
        String response = raw("GET /api/exchanges?limit=1&locality=L\u1ea1ng%20S\u01a1n HTTP/1.1");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        int encoded = given().urlEncodingEnabled(false).get("/api/exchanges?limit=1&locality=L%E1%BA%A1ng%20S%C6%A1n").then()
                .statusCode(200).extract().path("total");
        assertTrue(encoded > 0);
        assertTrue(response.contains("\"total\":" + encoded + ","), "the same answer as percent-encoded UTF-8: " + response);
        assertTrue(response.contains("locality=L%E1%BA%A1ng+S%C6%A1n") || !response.contains("\"next\":\"http"),
                "the next link is percent-encoded UTF-8: " + response);
        // a raw "ộ" (E1 BB 99) never reaches the service: the HTTP layer refuses the bytes 0x80-0xA0 with an empty 400
        String person = raw("GET /api/exchanges?limit=1&person=V\u01b0\u01a1ng%20H%E1%BB%99%20Ninh HTTP/1.1");
        assertTrue(person.startsWith("HTTP/1.1 200"), person);
        assertTrue(person.contains("Wang Huning"), person);
        // a Latin-1 letter percent-encoded on its own is not UTF-8 and stays what it was
        given().urlEncodingEnabled(false).get("/api/exchanges?q=caf%E9").then().statusCode(200);
    }

    /** One HTTP/1.1 request written byte for byte (a client that does not percent-encode). */
    static String raw(String requestLine) throws IOException {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.startsWith("HTTP") ? all.substring(0, all.indexOf("\r\n") + 2) + all.substring(all.indexOf("\r\n\r\n") + 4)
                    : all;
        }
    }

    @Test
    void exportNegotiatesLikeEveryOtherEndpoint() throws IOException {
        given().accept("application/x-ndjson").get("/api/exchanges/export?kind=talks").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"));
        int talks = total("kind=talks");
        List<?> array = given().accept("application/json").get("/api/exchanges/export?kind=talks").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath().getList("$");
        assertEquals(talks, array.size());
        String csv = given().accept("text/csv").get("/api/exchanges/export?kind=talks").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertEquals(talks, records(csv));
        given().accept("text/plain").get("/api/exchanges/export").then().statusCode(406).contentType(PROBLEM);
        given().accept("text/csv").get("/api/exchanges/export?format=ndjson&limit=1").then().statusCode(400);
        // sort, and the ids in that order
        List<String> dates = given().get("/api/exchanges/export?format=json&sort=date").then().statusCode(200)
                .extract().jsonPath().getList("date");
        assertEquals(dates.stream().sorted().toList(), dates);
        List<String> desc = new java.util.ArrayList<>(given().get("/api/exchanges/export?format=json&sort=-date").then()
                .extract().jsonPath().getList("date"));
        java.util.Collections.reverse(desc);
        assertEquals(dates, desc);
        given().get("/api/exchanges/export?sort=nope").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        // gzip when accepted: the same lines
        RestAssuredConfig raw = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        byte[] gz = given().config(raw).header("Accept-Encoding", "gzip").get("/api/exchanges/export?format=ndjson").then()
                .statusCode(200).header("Content-Encoding", "gzip").extract().asByteArray();
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(given().get("/api/exchanges/export?format=ndjson").then().extract().asString(), unzipped);
    }

    /** CSV records, not lines: a note may hold a line break inside its quotes. */
    static long records(String csv) {
        return csv.lines().filter(l -> l.matches("^[0-9a-f]{8}-[0-9a-f]{4}-.*")).count();
    }

    @Test
    void theListSpeaksCsvAndTableToo() {
        int n = total("kind=talks");
        String csv = given().accept("text/csv").get("/api/exchanges?kind=talks&limit=500").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertEquals(n, records(csv));
        assertTrue(csv.startsWith(String.join(",", ExchangeRow.COLUMNS)));
        String table = given().get("/api/exchanges?kind=talks&limit=500&format=table").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        assertTrue(table.lines().toList().get(1).matches("[- ]+"), table);
        assertEquals(n + 3, table.lines().count(), "a table cell holds no line break");
    }

    @Test
    void oneNameOfEachFilterAndEveryOneDeclared() throws Exception {
        List<String> declared = java.util.Arrays.stream(ExchangeFilterParams.class.getFields())
                .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())).map(f -> f.getAnnotation(jakarta.ws.rs.QueryParam.class).value()).toList();
        assertEquals(declared, ExchangeFilterParams.NAMES);
        assertEquals(ExchangeFilterParams.NAMES, List.copyOf(ExchangeFilter.none().sqlParameters().keySet()),
                "the parameters of filtered_exchanges() are the filters, in the same order");
    }

    @Test
    void errorsSayWhatToDoNotHowTheFrameworkWorks() {
        given().contentType("application/x-www-form-urlencoded").body("{}").post("/api/exchanges/import").then()
                .statusCode(415).contentType(PROBLEM).body("detail", containsString("application/x-ndjson"))
                .body("detail", not(containsString("@Consumes")));
        given().contentType("text/xml").body("<x/>").post("/api/exchanges").then().statusCode(415)
                .body("detail", containsString("application/json"));
        for (String path : List.of("/api/people/42000000", "/api/stats", "/api/nothing")) {
            given().get(path).then().statusCode(404).contentType(PROBLEM)
                    .body("detail", not(containsString("Unable to find matching")));
        }
        given().get("/api/exchanges/export?format=xml").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("format"));
        given().accept("application/xml").get("/api/exchanges").then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void onePersonById() {
        int id = given().get("/api/people?q=Wang Huning").then().statusCode(200).extract().path("[0].id");
        given().get("/api/people/" + id).then().statusCode(200).body("name", equalTo("Wang Huning"))
                .body("aliases", hasItem("Vương Hộ Ninh"));
        given().get("/api/people/x").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void statusDefaultsAlikeEverywhere() {
        int listed = total("");
        int summary = given().get("/api/stats/summary").then().extract().path("rows[0].exchanges");
        assertEquals(summary, listed, "the list, like every aggregate, leaves rejected records out unless asked");
        assertEquals(total("status=draft,verified,rejected"),
                (int) given().get("/api/stats/summary?status=draft,verified,rejected").then().extract().path("rows[0].exchanges"));
        given().get("/api/exchanges?status=rejected").then().body("items.status", everyItem(equalTo("rejected")));
    }
}
