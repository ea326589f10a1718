package org.liaison.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.Optional;
import org.liaison.schema.FlywayHistory.Row;

/** The check against the tests' database, which Flyway migrated at start: what it recorded is what the check expects; FlywayHistory's rules on histories made from it. */
@QuarkusTest
class SchemaVersionCheckTest {

    @Inject
    Pool pool;

    static SchemaVersionCheck check(String table) {
        return new SchemaVersionCheck(true, Duration.ofSeconds(5), table, Optional.empty(), Optional.empty());
    }

    List<Row> history() {
        List<Row> out = new ArrayList<>();
        pool.query("select version, script, checksum, success, type from flyway_schema_history order by installed_rank").execute()
                .await().atMost(Duration.ofSeconds(30))
                .forEach(r -> out.add(new Row(r.getString(0), r.getString(1), r.getInteger(2), r.getBoolean(3), r.getString(4))));
        return out;
    }

    @Test
    void aDatabaseFlywayMigratedWithThisBuildPasses() {
        check("flyway_schema_history").verify(pool); // the checksums computed here are Flyway's own
        assertEquals(List.of(), FlywayHistory.differences(MigrationList.packaged(), history()));
    }

    @Test
    void everyDifferenceIsNamed() {
        List<Migration> expected = new ArrayList<>(MigrationList.packaged());
        Migration v1 = expected.get(0);
        expected.set(0, new Migration(v1.resource(), v1.script(), v1.version(), v1.checksum() + 1));
        expected.add(new Migration("db/migration/V99__later.sql", "V99__later.sql", "99", 7));
        expected.add(new Migration("analytics-sql/views/R__newer_view.sql", "R__newer_view.sql", null, 8));
        List<Row> history = new ArrayList<>(history());
        history.add(new Row("98", "V98__broken.sql", 5, false, "SQL"));
        List<String> problems = FlywayHistory.differences(expected, history);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("V98__broken.sql failed"), problems.toString());
        assertTrue(problems.get(1).startsWith("V1__schema.sql was applied in another version"), problems.toString());
        assertTrue(problems.contains("V99__later.sql is not applied"), problems.toString());
        assertTrue(problems.contains("R__newer_view.sql is not applied"), problems.toString());
    }

    @Test
    void aRepeatableCountsInItsLatestRunAndNewerVersionsAreAccepted() {
        List<Row> history = new ArrayList<>(history());
        Migration rollups = MigrationList.packaged().stream().filter(m -> m.script().equals("R__stats_rollups.sql")).findFirst().orElseThrow();
        history.add(new Row(null, "analytics-sql/views/" + rollups.script(), rollups.checksum() + 1, true, "SQL"));
        assertEquals(1, FlywayHistory.differences(MigrationList.packaged(), history).size());
        history.add(new Row(null, rollups.script(), rollups.checksum(), true, "SQL"));
        history.add(new Row("100", "V100__from_a_newer_build.sql", 1, true, "SQL"));
        assertEquals(List.of(), FlywayHistory.differences(MigrationList.packaged(), history));
    }

    @Test
    void whatIsAppliedButNotInTheBuildIsRefusedUnlessNewer() {
        List<Row> history = new ArrayList<>(history());
        history.add(new Row("9", "db/migration/V9__renamed.sql", null, true, "DELETE")); // flyway repair marked V9 deleted
        history.add(new Row("100", "db/migration/V100__from_a_newer_build.sql", 1, true, "SQL"));
        history.add(new Row(null, "analytics-sql/views/R__dropped_view.sql", 2, true, "SQL"));
        List<String> problems = FlywayHistory.differences(MigrationList.packaged(), history);
        assertEquals(List.of("V9__audit_commit_set_wise.sql is not applied", "R__dropped_view.sql is applied but not in this build"),
                problems);
        assertEquals(List.of("V100__from_a_newer_build.sql"), FlywayHistory.future(MigrationList.packaged(), history));
    }

    @Test
    void aMigrationAppliedUnderAnotherNameIsNamed() {
        List<Row> history = new ArrayList<>();
        for (Row r : history()) {
            history.add("2".equals(r.version()) ? new Row("2", "db/migration/V2__checksums.sql", r.checksum(), true, r.type()) : r);
        }
        assertEquals(List.of("V2__reference_checksums.sql was applied as V2__checksums.sql"),
                FlywayHistory.differences(MigrationList.packaged(), history));
    }

    @Test
    void theTableIsQualifiedAsFlywayKeepsIt() {
        SchemaVersionCheck.SchemaMismatch e = assertThrows(SchemaVersionCheck.SchemaMismatch.class,
                () -> new SchemaVersionCheck(true, Duration.ofSeconds(5), "flyway_schema_history", Optional.of("elsewhere"),
                        Optional.empty()).verify(pool));
        assertTrue(e.getMessage().contains("\"elsewhere\".\"flyway_schema_history\" does not exist"), e.getMessage());
    }

    @Test
    void aBaselineCoversTheVersionsBelowIt() {
        List<Row> baselined = List.of(new Row("9", "<< Flyway Baseline >>", null, true, "BASELINE"));
        List<String> problems = FlywayHistory.differences(MigrationList.packaged(), baselined);
        assertEquals(List.of("R__stats_base.sql is not applied", "R__stats_rollups.sql is not applied"), problems);
    }

    @Test
    void aDatabaseNeverMigratedIsRefusedWithWhatToDo() {
        SchemaVersionCheck.SchemaMismatch e = assertThrows(SchemaVersionCheck.SchemaMismatch.class,
                () -> check("no_such_history").verify(pool));
        assertTrue(e.getMessage().contains("never migrated") && e.getMessage().contains("liaison migrate"), e.getMessage());
    }
}
