package org.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: migrations as their own step. {@code liaison migrate} against an empty database
 * migrates it, loads the reference files and exits 0 without serving; a service told not to
 * migrate (QUARKUS_FLYWAY_MIGRATE_AT_START=false and no JDBC URL, as the Kubernetes manifest runs
 * it after its init container) then starts on that schema, checking it over the reactive pool
 * (org.liaison.schema), and refuses to start on a database that was never migrated or is behind
 * this build. Runs against the jar and the native executable.
 */
class MigrateCommandIT {

    static final Duration PATIENCE = Duration.ofMinutes(3);

    /** The settings of a serving instance that leaves migrations to their own step: no JDBC URL, since nothing uses it. */
    static Map<String, String> serving(StoppablePostgres postgres) {
        Map<String, String> s = new TreeMap<>(postgres.datasource());
        s.remove("quarkus.datasource.jdbc.url");
        s.put("liaison.demo-data", "false");
        s.put("quarkus.flyway.migrate-at-start", "false");
        return s;
    }

    /** liaison migrate needs the JDBC URL (Flyway). */
    static Map<String, String> migrating(StoppablePostgres postgres) {
        Map<String, String> s = serving(postgres);
        s.putAll(postgres.datasource());
        return s;
    }

    static void execute(StoppablePostgres postgres, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port + "/postgres",
                ItDatabase.USER, ItDatabase.PASSWORD)) {
            c.createStatement().execute(sql);
        }
    }

    static int count(StoppablePostgres postgres, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port + "/postgres",
                ItDatabase.USER, ItDatabase.PASSWORD); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void migrateMigratesAndExitsThenTheServiceOnlyChecksTheSchema() throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.create("migrate")) {
            postgres.start();
            // the service's own settings, migrate-at-start=false included: the command migrates regardless
            try (ServiceProcess migrate = ServiceProcess.start("migrate", migrating(postgres), List.of(), List.of("migrate"))) {
                assertEquals(0, migrate.awaitExit(PATIENCE), migrate.tail(30));
                assertTrue(migrate.output().contains("exiting (liaison migrate)"), migrate.tail(30));
                assertTrue(count(postgres, "select count(*) from flyway_schema_history where success") >= 6);
                assertTrue(count(postgres, "select count(*) from theme") > 0, "reference files loaded");
                assertEquals(0, count(postgres, "select count(*) from exchange"), "no demo data");
            }
            try (ServiceProcess service = ServiceProcess.start("migrated-serving", serving(postgres), List.of())) {
                service.awaitReady(PATIENCE);
                assertTrue(!service.output().contains("Migrating schema"), "the service itself migrated:\n" + service.tail(30));
                assertTrue(service.output().contains("Schema checked: the database has this build's"), service.tail(30));
            }
            // a database one migration behind this build (as if migrated by the build before): refused, naming it
            execute(postgres, "delete from flyway_schema_history where version = (select max(version::int)::text"
                    + " from flyway_schema_history where version is not null)");
            try (ServiceProcess service = ServiceProcess.start("behind-serving", serving(postgres), List.of())) {
                assertNotEquals(0, service.awaitExit(PATIENCE), service.tail(30));
                assertTrue(service.output().contains("is not applied") && service.output().contains("liaison migrate"),
                        service.tail(30));
            }
        }
    }

    @Test
    void aServiceThatMayNotMigrateRefusesAnUnmigratedDatabase() throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.create("unmigrated")) {
            postgres.start();
            try (ServiceProcess service = ServiceProcess.start("unmigrated-serving", serving(postgres), List.of())) {
                int status = service.awaitExit(PATIENCE);
                assertNotEquals(0, status, service.tail(30));
                assertTrue(service.output().contains("The database has no Flyway history"), service.tail(30));
            }
        }
    }
}
