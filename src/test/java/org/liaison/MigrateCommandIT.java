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
 * migrate (QUARKUS_FLYWAY_MIGRATE_AT_START=false, QUARKUS_FLYWAY_VALIDATE_AT_START=true, as the
 * Kubernetes manifest runs it after its init container) then starts on that schema, and refuses
 * to start on a database that was never migrated. Runs against the jar and the native executable.
 */
class MigrateCommandIT {

    static final Duration PATIENCE = Duration.ofMinutes(3);

    static Map<String, String> serving(StoppablePostgres postgres) {
        Map<String, String> s = new TreeMap<>(postgres.datasource());
        s.put("liaison.demo-data", "false");
        s.put("quarkus.flyway.migrate-at-start", "false");
        s.put("quarkus.flyway.validate-at-start", "true");
        return s;
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
            try (ServiceProcess migrate = ServiceProcess.start("migrate", serving(postgres), List.of(), List.of("migrate"))) {
                assertEquals(0, migrate.awaitExit(PATIENCE), migrate.tail(30));
                assertTrue(migrate.output().contains("exiting (liaison migrate)"), migrate.tail(30));
                assertTrue(count(postgres, "select count(*) from flyway_schema_history where success") >= 6);
                assertTrue(count(postgres, "select count(*) from theme") > 0, "reference files loaded");
                assertEquals(0, count(postgres, "select count(*) from exchange"), "no demo data");
            }
            try (ServiceProcess service = ServiceProcess.start("migrated-serving", serving(postgres), List.of())) {
                service.awaitReady(PATIENCE);
                assertTrue(!service.output().contains("Migrating schema"), "the service itself migrated:\n" + service.tail(30));
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
                assertTrue(service.output().contains("Validate failed"), service.tail(30));
            }
        }
    }
}
