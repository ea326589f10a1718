package org.liaison.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.liaison.Database;

@QuarkusTest
public class ExchangeResourceTest {

    static final String PROBLEM = "application/problem+json";

    /** A valid exchange on its own date so that tests do not see each other's records. */
    public static String exchange(String date, String extra) {
        return """
                {"date": "%s", "format": "in_person", "kind": "talks", "venue": "Nam Ninh",
                 "participants": [
                   {"name": "Nguyen Quoc Doan", "side": "VN", "titles": "Bí thư Tỉnh ủy Lạng Sơn", "locality": "Lang Son province"},
                   {"name": "Lưu Ninh", "side": "CN", "titles": "Secretary of the Guangxi Party Committee", "locality": {"name": "Quảng Tây", "country": "CN"}, "organisation": "CPC"}],
                 "localities": [{"name": "Cao Bang", "role": "mentioned"}],
                 "themes": ["trade-investment", "border-management"],
                 "sources": [{"url": "https://example.org/a/%s", "outlet": "example.org", "published": "%s", "language": "en"}]
                 %s}""".formatted(date, date, date, extra);
    }

    public static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/exchanges");
    }

    @Test
    void createResolvesAliasesDerivesLevelAndIsIdempotent() {
        long before = Database.exchanges();
        Response created = post(exchange("2001-03-05", ""));
        created.then().statusCode(201)
                .header("Location", containsString("/api/exchanges/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("draft"))
                .body("level", equalTo("locality"))
                .body("venue.code", equalTo("CN-450100"))
                .body("participants.name", hasItems("Nguyễn Quốc Đoàn", "Liu Ning"))
                .body("participants.find { it.side == 'CN' }.organisation", equalTo("CPC"))
                .body("localities.findAll { it.role == 'participant' }.code", hasItems("VN-09", "CN-GX"))
                .body("localities.find { it.role == 'mentioned' }.code", equalTo("VN-04"))
                .body("themes", hasItems("border-management", "trade-investment"))
                .body("sources[0].url", equalTo("https://example.org/a/2001-03-05"))
                .body("key", containsString("auto-"));
        assertEquals(before + 1, Database.exchanges());
        String id = created.path("id");

        // The same exchange written with other spellings of the same people is the same record.
        String again = exchange("2001-03-05", "").replace("Nguyen Quoc Doan", "Nguyễn Quốc Đoàn").replace("Lưu Ninh", "Liu Ning");
        post(again).then().statusCode(200).body("id", equalTo(id));
        assertEquals(before + 1, Database.exchanges());

        // Same key, other content: a conflict, not a silent overwrite.
        post(exchange("2001-03-05", ", \"notes\": \"changed\"")).then().statusCode(409).contentType(PROBLEM)
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void theSameExchangeUnderAnotherKeyIsAConflictNamingTheStoredRecord() {
        String id = post(exchange("2001-07-01", "")).then().statusCode(201).extract().path("id");
        long before = Database.exchanges();
        // another auto key (no venue, another kind), the same people on the same day: already known
        post(exchange("2001-07-01", "").replace("\"kind\": \"talks\"", "\"kind\": \"meeting\"").replace("\"venue\": \"Nam Ninh\",", ""))
                .then().statusCode(409).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id")).body("errors[0].value", equalTo(id))
                .body("detail", containsString("/api/exchanges/" + id));
        given().contentType("application/x-ndjson").body(exchange("2001-07-01", "").replace("\"kind\": \"talks\"", "\"kind\": \"meeting\"").replace("\n", " ").concat("\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/exchanges/import").then().statusCode(422)
                .body("errors[0].line", equalTo(1)).body("errors[0].field", equalTo("id")).body("errors[0].value", equalTo(id));
        assertEquals(before, Database.exchanges());
        // a key of the client's own says it is another exchange
        post(exchange("2001-07-01", ", \"key\": \"own-2001-07-01\"").replace("\"kind\": \"talks\"", "\"kind\": \"meeting\"")).then().statusCode(201);
    }

    @Test
    void readReplaceReviewDelete() {
        String id = post(exchange("2001-04-06", "")).then().statusCode(201).extract().path("id");
        given().get("/api/exchanges/" + id).then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(exchange("2001-04-06", ", \"notes\": \"corrected\"").replace("\"kind\": \"talks\"", "\"kind\": \"meeting\""))
                .put("/api/exchanges/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("notes", equalTo("corrected")).body("kind", equalTo("meeting"))
                .body("version", equalTo(1));
        // A write based on the old version is refused.
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(exchange("2001-04-06", ""))
                .put("/api/exchanges/" + id).then().statusCode(412).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(exchange("2001-04-06", ", \"version\": 0"))
                .put("/api/exchanges/" + id).then().statusCode(409).body("errors[0].field", equalTo("version"));

        // Review: draft -> verified with a merge patch; the rest of the record is kept.
        given().contentType("application/merge-patch+json").body("{\"status\": \"verified\"}")
                .patch("/api/exchanges/" + id)
                .then().statusCode(200).body("status", equalTo("verified")).body("notes", equalTo("corrected"))
                .body("participants", hasSize(2)).body("version", equalTo(2));
        given().contentType("application/merge-patch+json").body("{\"status\": \"approved\"}")
                .patch("/api/exchanges/" + id)
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        given().contentType("application/merge-patch+json").body("{\"status\": \"rejected\", \"notes\": null}")
                .patch("/api/exchanges/" + id + "?reason=not-bilateral")
                .then().statusCode(200).body("status", equalTo("rejected")).body("notes", nullValue());
        given().get("/api/exchanges?status=draft&from=2001-04-06&to=2001-04-06").then().body("total", equalTo(0));
        given().get("/api/exchanges?status=rejected&from=2001-04-06&to=2001-04-06").then().body("total", equalTo(1));

        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
        given().get("/api/exchanges/" + id).then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:liaison:problem:not-found"));
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(404);
        given().contentType(ContentType.JSON).body(exchange("2001-04-06", "")).put("/api/exchanges/" + id).then().statusCode(404);
    }

    @Test
    void putIsAFullReplacementThatKeepsTheKeyAndWritesNothingWhenIdentical() {
        Response created = post(exchange("2001-04-07", ", \"status\": \"verified\""));
        String id = created.then().statusCode(201).extract().path("id");
        String key = created.path("key");
        long dataVersion = Database.count("select version from data_version");
        given().contentType(ContentType.JSON).body(exchange("2001-04-07", ", \"status\": \"verified\"")).put("/api/exchanges/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0)).body("status", equalTo("verified"));
        assertEquals(dataVersion, Database.count("select version from data_version"), "an identical PUT writes nothing");

        // every field is replaced: no status is the default status; the auto key stays the record's key
        given().contentType(ContentType.JSON).body(exchange("2001-04-07", "").replace("\"kind\": \"talks\"", "\"kind\": \"meeting\"")).put("/api/exchanges/" + id)
                .then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("draft")).body("kind", equalTo("meeting"))
                .body("key", equalTo(key));
        given().contentType(ContentType.JSON).body(exchange("2001-04-07", ", \"key\": \"mine-2001-04-07\"")).put("/api/exchanges/" + id)
                .then().statusCode(200).body("key", equalTo("mine-2001-04-07"));

        // read-only fields
        given().contentType("application/merge-patch+json").body("{\"id\": \"00000000-0000-0000-0000-000000000000\"}")
                .patch("/api/exchanges/" + id).then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id")).body("errors[0].reason", containsString("read-only"));
        given().contentType("application/merge-patch+json").body("{\"created_at\": \"2000-01-01T00:00:00Z\"}")
                .patch("/api/exchanges/" + id).then().statusCode(422).body("errors[0].field", equalTo("created_at"));
        given().contentType("application/merge-patch+json").body("{\"level\": \"central\"}")
                .patch("/api/exchanges/" + id).then().statusCode(422).body("errors[0].field", equalTo("level"));
        // the id repeated as it is, as a client sending back what it read does, is fine
        given().contentType("application/merge-patch+json").body("{\"id\": \"" + id + "\", \"notes\": \"seen\"}")
                .patch("/api/exchanges/" + id).then().statusCode(200).body("notes", equalTo("seen")).body("id", equalTo(id));
    }

    @Test
    void badFieldsAreAllNamedAndNothingIsWritten() {
        long before = Database.exchanges();
        long people = Database.count("select count(*) from person");
        post("""
                {"date": "2001-02-30", "format": "by_pigeon", "kind": "talks", "venue": "Atlantis",
                 "participants": [{"name": "Someone New Entirely", "side": "VN"}, {"name": "", "side": "XX"}],
                 "localities": [{"name": "Ha Nam", "role": "participant"}, {"name": "Hanoi", "role": "host"}],
                 "themes": ["trade"], "level": "central",
                 "sources": [{"url": "not a url"}]}""")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:liaison:problem:validation"))
                .body("errors.field", hasItems("date", "format", "venue", "participants[1].name", "participants[1].side",
                        "localities[0].name", "localities[1].role", "themes[0]", "sources[0].url"))
                .body("errors.find { it.field == 'localities[0].name' }.reason", containsString("ambiguous"))
                .body("errors.find { it.field == 'venue' }.value", equalTo("Atlantis"))
                .body(not(containsString("at org.")));
        assertEquals(before, Database.exchanges());
        assertEquals(people, Database.count("select count(*) from person"), "no person was created for a rejected exchange");
    }

    @Test
    void codebookRulesAreEnforced() {
        post(exchange("2001-05-07", "").replace("\"in_person\"", "\"online\"")).then().statusCode(422)
                .body("errors.field", hasItem("venue"));
        post(exchange("2001-05-07", ", \"level\": \"central\"")).then().statusCode(422)
                .body("errors.find { it.field == 'level' }.reason", containsString("participant locality"));
        post(exchange("2001-05-07", ", \"date_precision\": \"month\"")).then().statusCode(422)
                .body("errors.find { it.field == 'date' }.reason", containsString("1st of the month"));
        post(exchange("2001-05-07", ", \"end_date\": \"2001-05-01\"")).then().statusCode(422)
                .body("errors.field", hasItem("end_date"));
        post(exchange("2999-01-01", "")).then().statusCode(422)
                .body("errors.find { it.field == 'date' }.reason", containsString("future"));
        post(exchange("2001-05-07", "").replace("\"locality\": \"Lang Son province\"", "\"locality\": \"Guangxi\""))
                .then().statusCode(422).body("errors.field", hasItem("participants[0].locality"));
        post(exchange("2001-05-07", "").replace("\"organisation\": \"CPC\"", "\"organisation\": \"NOPE\""))
                .then().statusCode(422).body("errors.field", hasItem("participants[1].organisation"));
    }

    @Test
    void datesOutsideTheStoredRangeAreRefusedNamingTheRange() {
        long before = Database.exchanges();
        for (String bad : new String[] { "-0001-01-01", "0000-01-01", "1899-12-31", "+10000-01-01" }) {
            post(exchange(bad, "")).then().statusCode(422).contentType(PROBLEM)
                    .body("errors.find { it.field == 'date' }.reason", containsString("1900-01-01"));
        }
        post(exchange("2001-05-08", ", \"end_date\": \"3000-01-01\"")).then().statusCode(422)
                .body("errors.find { it.field == 'end_date' }.reason", containsString("between 1900-01-01 and"));
        post(exchange("2001-05-08", "").replace("\"published\": \"2001-05-08\"", "\"published\": \"1850-01-01\""))
                .then().statusCode(422).body("errors.find { it.field == 'sources[0].published' }.reason", containsString("1900-01-01"));
        assertEquals(before, Database.exchanges());
        String id = post(exchange("1900-01-01", "")).then().statusCode(201).body("date", equalTo("1900-01-01")).extract().path("id");
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
    }

    @Test
    void anExchangeNeedsBothSides() {
        long before = Database.exchanges();
        post("{\"date\": \"2024-01-05\", \"format\": \"online\", \"kind\": \"talks\"}").then().statusCode(422)
                .body("errors.field", hasItem("participants"))
                .body("errors.reason", hasItems(containsString("VN participant"), containsString("CN participant")));
        post("{\"date\": \"2001-05-09\", \"format\": \"online\", \"kind\": \"talks\", "
                + "\"participants\": [{\"name\": \"Nguyen Quoc Doan\", \"side\": \"VN\"}]}").then().statusCode(422)
                .body("errors.reason", hasItem(containsString("CN participant")));
        assertEquals(before, Database.exchanges());
        // a participant locality stands for its side
        post("{\"date\": \"2001-05-09\", \"format\": \"online\", \"kind\": \"talks\", "
                + "\"participants\": [{\"name\": \"Nguyen Quoc Doan\", \"side\": \"VN\"}], "
                + "\"localities\": [{\"name\": \"Guangxi\", \"role\": \"participant\"}]}").then().statusCode(201);
    }

    @Test
    void everyFieldOfTheWrongTypeIsNamed() {
        long before = Database.exchanges();
        post("{\"date\": 5, \"format\": [\"online\"], \"participants\": \"x\", \"kind\": \"talks\"}")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItems("date", "format", "participants"))
                .body("errors.find { it.field == 'date' }.value", equalTo("5"))
                .body("errors.find { it.field == 'format' }.value", equalTo("[\"online\"]"))
                .body("errors.find { it.field == 'participants' }.value", equalTo("x"))
                .body("errors.findAll { it.field == 'format' }", hasSize(1));
        post(exchange("2001-05-10", ", \"notes\": 7, \"version\": \"one\"").replace("\"side\": \"CN\"", "\"side\": 2")
                .replace("\"border-management\"", "true"))
                .then().statusCode(422)
                .body("errors.field", hasItems("notes", "version", "participants[1].side", "themes[1]"));
        assertEquals(before, Database.exchanges());
        // a string value is quoted by nobody
        post(exchange("2001-05-10", "").replace("\"in_person\"", "\"online\"")).then().statusCode(422)
                .body("errors.find { it.field == 'venue' }.value", equalTo("Nam Ninh"));
    }

    @Test
    void unreadableBodiesAre400NamingTheField() {
        post("{\"date\": \"2001-01-01\", \"venu\": \"Hanoi\"}").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("venu")).body("detail", containsString("unknown field"));
        post("{\"date\": ").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("[1, 2]").post("/api/exchanges").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.TEXT).body("hello").post("/api/exchanges").then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void listFiltersSortAndPaginate() {
        post(exchange("2001-06-01", "")).then().statusCode(201);
        post(exchange("2001-06-02", "").replace("\"trade-investment\", ", "")).then().statusCode(201);
        post(exchange("2001-06-03", "").replace("\"talks\"", "\"meeting\"")).then().statusCode(201);
        String window = "from=2001-06-01&to=2001-06-30";

        given().get("/api/exchanges?" + window).then().statusCode(200).body("total", equalTo(3))
                .body("items.date", equalTo(java.util.List.of("2001-06-03", "2001-06-02", "2001-06-01")));
        given().get("/api/exchanges?sort=date&" + window).then().body("items[0].date", equalTo("2001-06-01"));
        given().get("/api/exchanges?theme=trade-investment&" + window).then().body("total", equalTo(2));
        given().get("/api/exchanges?domain=economy&" + window).then().body("total", equalTo(2));
        given().get("/api/exchanges?kind=meeting&" + window).then().body("total", equalTo(1));
        given().get("/api/exchanges?locality=Quang Tay&" + window).then().body("total", equalTo(3));
        given().get("/api/exchanges?locality=Cao Bang&role=participant&" + window).then().body("total", equalTo(0));
        given().get("/api/exchanges?country=CN&" + window).then().body("total", equalTo(3));
        given().get("/api/exchanges?country=VN&" + window).then().body("total", equalTo(0));
        given().get("/api/exchanges?person=Luu Ninh&" + window).then().body("total", equalTo(3));
        given().get("/api/exchanges?q=guangxi party&" + window).then().body("total", equalTo(3));
        given().get("/api/exchanges?status=draft,verified&level=locality&format=in_person&" + window).then().body("total", equalTo(3));

        Response first = given().get("/api/exchanges?limit=2&" + window);
        first.then().body("items", hasSize(2)).body("total", equalTo(3)).body("next", notNullValue());
        String next = first.path("next");
        given().get(next).then().body("items", hasSize(1)).body("next", nullValue()).body("offset", equalTo(2));
    }

    @Test
    void badQueryParametersAre400NamingTheParameter() {
        for (String[] c : new String[][] {
                { "limit=501", "limit" }, { "limit=abc", "limit" }, { "offset=-1", "offset" },
                { "from=2024-02-30", "from" }, { "from=2024-01-02&to=2024-01-01", "from" },
                { "theme=trade", "theme" }, { "domain=art", "domain" }, { "locality=Atlantis", "locality" },
                { "country=FR", "country" }, { "status=done", "status" }, { "sort=name", "sort" },
                { "level=global", "level" }, { "kind=party", "kind" }, { "format=fax", "format" } }) {
            given().get("/api/exchanges?" + c[0]).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo(c[1]))
                    .body("type", equalTo("urn:liaison:problem:invalid-parameter"));
        }
    }

    @Test
    void demoDataIsLoaded() {
        given().get("/api/exchanges?limit=5").then().statusCode(200).body("items", hasSize(5));
        given().get("/api/exchanges?from=2023-09-28&to=2023-09-28&person=Wang Huning")
                .then().body("total", equalTo(1))
                .body("items[0].participants.name", hasItems("Đinh Tiến Dũng", "Wang Huning"))
                .body("items[0].localities.find { it.role == 'participant' }.code", equalTo("VN-HN"))
                .body("items[0].sources", hasSize(3))
                .body("items[0].status", equalTo("verified"))
                .body("items.status", everyItem(equalTo("verified")));
    }
}
