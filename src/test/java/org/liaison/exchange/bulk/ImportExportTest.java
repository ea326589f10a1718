package org.liaison.exchange.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liaison.Database;

@QuarkusTest
class ImportExportTest {

    static final String NDJSON = "application/x-ndjson";

    static String line(String date, String who) {
        return """
                {"date": "%s", "format": "online", "kind": "meeting", "participants": [{"name": "%s", "side": "VN"}, {"name": "Wang Yi", "side": "CN"}], "themes": ["maritime"]}"""
                .formatted(date, who).strip();
    }

    static io.restassured.response.Response importFile(String body) {
        return given().contentType(NDJSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/exchanges/import");
    }

    @Test
    void importIsIdempotent() {
        String file = String.join("\n", line("2002-01-10", "Importer One"), line("2002-01-11", "Importer Two"),
                "", line("2002-01-12", "Importer Three")) + "\n";
        long before = Database.exchanges();
        importFile(file).then().statusCode(200).body("lines", equalTo(3)).body("created", equalTo(3)).body("unchanged", equalTo(0));
        assertEquals(before + 3, Database.exchanges());
        long version = Database.count("select version from data_version");
        importFile(file).then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        assertEquals(before + 3, Database.exchanges());
        assertEquals(version, Database.count("select version from data_version"), "an unchanged re-import writes nothing");

        // A changed line replaces its record; the others stay as they are.
        String changed = file.replace(line("2002-01-12", "Importer Three"),
                line("2002-01-12", "Importer Three").replace("[\"maritime\"]", "[\"maritime\", \"tourism\"]"));
        importFile(changed).then().statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(2));
    }

    @Test
    void oneBadLineWritesNothingAndEveryBadLineIsListed() {
        long before = Database.exchanges();
        long sources = Database.count("select count(*) from source");
        String file = String.join("\n",
                line("2002-02-10", "Batch Good One"),
                line("2002-02-31", "Batch Bad Date"),
                line("2002-02-12", "Batch Good Two"),
                "{not json",
                line("2002-02-13", "Batch Bad Theme").replace("maritime", "fishing"),
                "{\"date\": \"2002-02-14\", \"format\": \"online\", \"kind\": \"meeting\", \"colour\": \"red\"}");
        importFile(file).then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("nothing was imported"))
                .body("errors.line", hasItems(2, 4, 5, 6))
                .body("errors.find { it.line == 2 }.field", equalTo("date"))
                .body("errors.find { it.line == 5 }.field", equalTo("themes[0]"))
                .body("errors.find { it.line == 5 }.value", equalTo("fishing"))
                .body("errors.find { it.line == 6 }.field", equalTo("colour"));
        assertEquals(before, Database.exchanges());
        assertEquals(sources, Database.count("select count(*) from source"));
    }

    @Test
    void linesThatAreNotUtf8AreListedAndNothingIsWritten() throws Exception {
        long before = Database.exchanges();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write((line("2002-03-10", "Encoding Good One") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // "Nguyễn" written by an editor saving as Windows-1258/Latin-1: é is the single byte 0xE9, not UTF-8
        body.write(line("2002-03-11", "Nguy\u00e9n Encoding").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        body.write('\n');
        body.write((line("2002-03-12", "Encoding Good Two") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(new byte[] {'{', '"', (byte) 0xC3}); // a UTF-8 sequence cut short, then the line's end
        body.write('\n');
        given().contentType(NDJSON).body(body.toByteArray()).post("/api/exchanges/import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.line", equalTo(List.of(2, 4)))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", startsWith("not valid UTF-8"));
        assertEquals(before, Database.exchanges());
    }

    @Test
    void theSameExchangeTwiceInOneFileIsRejectedWhole() {
        long before = Database.exchanges();
        String file = line("2002-03-10", "Twice Person") + "\n" + line("2002-03-10", "Twice Person").replace("maritime", "tourism");
        importFile(file).then().statusCode(422).body("errors[0].line", equalTo(2))
                .body("errors[0].reason", containsString("line 1"));
        assertEquals(before, Database.exchanges());
    }

    static String keyed(String key, String date) {
        return ("{\"key\": \"%s\", \"date\": \"%s\", \"format\": \"online\", \"kind\": \"meeting\", \"participants\": "
                + "[{\"name\": \"Span Batches Person\", \"side\": \"VN\"}, {\"name\": \"Wang Yi\", \"side\": \"CN\"}], "
                + "\"themes\": [\"maritime\"], \"sources\": [{\"url\": \"https://example.org/span/%s\"}]}").formatted(key, date, key);
    }

    /** Lines 1..n, keys span-1..span-n, spread over 2003. */
    static List<String> spanning(int n) {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add(keyed("span-" + i, java.time.LocalDate.of(2003, 1, 1).plusDays(i % 365).toString()));
        }
        return lines;
    }

    static long summarised() {
        return Database.count("select coalesce(sum(n), 0) from stats_exchange_rollup where grain = 'year'");
    }

    @Test
    void aFileSpanningSeveralBatchesIsStillAllOrNothing() {
        int n = 2 * ExchangeImporter.BATCH + 1; // two batches are written before the last line is read
        long before = Database.exchanges();
        long people = Database.count("select count(*) from person");
        long sources = Database.count("select count(*) from source");
        long version = Database.count("select version from data_version");
        long summary = summarised();
        try {
            List<String> lines = spanning(n);
            lines.set(n - 1, lines.get(n - 1).replace("\"date\": \"2003-", "\"date\": \"2003-13-"));
            importFile(String.join("\n", lines)).then().statusCode(422)
                    .body("detail", containsString("nothing was imported"))
                    .body("errors.line", equalTo(List.of(n)));
            assertEquals(before, Database.exchanges(), "the batches written before the bad line are rolled back");
            assertEquals(people, Database.count("select count(*) from person"));
            assertEquals(sources, Database.count("select count(*) from source"));
            assertEquals(version, Database.count("select version from data_version"));
            assertEquals(summary, summarised());

            // a key met again in the second batch, and a bad line in the third: the line that is
            // invalid on its own is found while the body is read, before anything is written; the
            // repeated key (a matter of the stored data) once the file is otherwise valid
            lines = spanning(n);
            lines.set(2499, lines.get(0).replace("maritime", "tourism"));
            lines.set(n - 1, lines.get(n - 1).replace("\"kind\": \"meeting\"", "\"kind\": \"party\""));
            importFile(String.join("\n", lines)).then().statusCode(422)
                    .body("errors.line", equalTo(List.of(n)))
                    .body("errors[0].field", equalTo("kind"));
            lines.set(n - 1, spanning(n).get(n - 1));
            importFile(String.join("\n", lines)).then().statusCode(422)
                    .body("errors.line", equalTo(List.of(2500)))
                    .body("errors[0].reason", containsString("line 1"));
            assertEquals(before, Database.exchanges());
            assertEquals(summary, summarised());

            importFile(String.join("\n", spanning(n))).then().statusCode(200).body("created", equalTo(n));
            assertEquals(before + n, Database.exchanges());
            assertEquals(summary + n, summarised(), "the summaries count every exchange written, once");
        } finally {
            try (var c = Database.connect(); var st = c.createStatement()) {
                st.execute("delete from exchange where natural_key like 'span-%'");
                st.execute("delete from source where url like 'https://example.org/span/%'");
                st.execute("delete from person p where name = 'Span Batches Person' "
                        + "and not exists (select 1 from participant pa where pa.person_id = p.id)");
                st.execute("select stats_rollup_rebuild()");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void emptyFileIsRejected() {
        importFile("\n\n").then().statusCode(422).body("errors[0].field", equalTo("body"));
    }

    @Test
    void exportReimportsToTheSameData() {
        importFile(line("2002-04-10", "Export Person") + "\n").then().statusCode(200);
        String ndjson = given().get("/api/exchanges/export?from=2002-04-01&to=2002-04-30").then().statusCode(200)
                .contentType(startsWith(NDJSON)).extract().asString();
        List<String> lines = ndjson.lines().toList();
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"Export Person\""));

        String all = given().get("/api/exchanges/export?status=draft,verified,rejected").then().statusCode(200).extract().asString();
        long total = Database.exchanges();
        assertEquals(total, all.lines().count());
        importFile(all).then().statusCode(200).body("unchanged", equalTo((int) total)).body("created", equalTo(0));
        assertEquals(total, Database.exchanges());
    }

    @Test
    void csvExportHasAHeaderAndOneRowPerExchange() {
        importFile(line("2002-05-10", "Csv, Person") + "\n").then().statusCode(200);
        String csv = given().get("/api/exchanges/export?format=csv&from=2002-05-10&to=2002-05-10").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> rows = csv.lines().toList();
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).startsWith("id,key,date,end_date,date_precision,format,kind,venue,level,status,participants"));
        assertTrue(rows.get(1).contains("\"Csv, Person (VN); Wang Yi (CN)\""), rows.get(1));
        // "format" also filters by the exchange's format.
        given().get("/api/exchanges/export?format=csv,in_person&from=2002-05-10&to=2002-05-10").then().statusCode(200)
                .extract().asString().lines().toList().forEach(r -> assertTrue(r.startsWith("id,")));
        given().get("/api/exchanges/export?format=xml").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().get("/api/exchanges/export?format=ndjson&theme=nope").then().statusCode(400).body("errors[0].field", equalTo("theme"));
    }

    @Test
    void demoFileImportsUnchanged() {
        importFile(DemoData.read()).then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0));
        given().get("/api/exchanges?q=Hand-coded&limit=500").then().body("items", hasSize((int) DemoData.read().lines().count()));
    }
}
