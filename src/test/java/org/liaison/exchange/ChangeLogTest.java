package org.liaison.exchange;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liaison.Database;

/** The change log: one row per exchange a committed write changed, under the data version its commit took. */
@QuarkusTest
public class ChangeLogTest {

    @Test
    void everyWriteLeavesItsChangesInCommitOrder() throws Exception {
        long start = Database.count("select version from data_version");
        String id = ExchangeResourceTest.post(ExchangeResourceTest.exchange("2004-02-03", ""))
                .then().statusCode(201).extract().path("id");
        // the same body again writes nothing, so it logs nothing
        ExchangeResourceTest.post(ExchangeResourceTest.exchange("2004-02-03", "")).then().statusCode(200);
        given().contentType("application/merge-patch+json").body("{\"status\": \"verified\"}")
                .patch("/api/exchanges/" + id).then().statusCode(200);
        given().delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
        // an import that fails writes nothing, so it logs nothing
        given().contentType("application/x-ndjson").body("{\"date\": \"nope\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/exchanges/import").then().statusCode(422);

        List<String> changes = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        try (var c = Database.connect(); var st = c.prepareStatement(
                "select version, change from change_log where exchange_id = ?::uuid order by version")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getLong(1));
                    changes.add(rs.getString(2));
                }
            }
        }
        assertEquals(List.of("created", "updated", "deleted"), changes);
        assertTrue(versions.get(0) > start && versions.get(0) < versions.get(1) && versions.get(1) < versions.get(2), versions::toString);
        assertEquals(versions.get(2), Database.count("select max(version) from change_log where version > ?", start),
                "the delete was the last write");
        assertEquals(versions.get(2), Database.count("select version from data_version"), "the log is at the data version");
    }
}
