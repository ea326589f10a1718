package org.liaison.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    static long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void twoServersStartedInOneMachineShareNothing() throws SQLException {
        try (EmbeddedDatabase a = EmbeddedDatabase.start(); EmbeddedDatabase b = EmbeddedDatabase.start()) {
            assertNotEquals(a.port(), b.port());
            assertEquals(a.jdbcUrl(), a.datasourceSettings().get("quarkus.datasource.jdbc.url"));
            execute(a.jdbcUrl(), "create table written_in_a (x int)");
            assertEquals(1, count(a.jdbcUrl(), "select count(*) from pg_tables where tablename = 'written_in_a'"));
            assertEquals(0, count(b.jdbcUrl(), "select count(*) from pg_tables where tablename = 'written_in_a'"));
        }
    }

    @Test
    void aServerItDidNotStartIsRefusedAndLeftRunning() throws Exception {
        try (EmbeddedPostgres foreign = EmbeddedPostgres.builder().start()) {
            String foreignUrl = foreign.getJdbcUrl("postgres", "postgres");
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> EmbeddedDatabase.start(foreign.getPort()).close());
            assertTrue(refused.getMessage().contains("PostgreSQL"), refused.getMessage());
            assertEquals(1, count(foreignUrl, "select 1"), "the foreign server still answers");
        }
    }

    @Test
    void closingStopsTheServer() {
        EmbeddedDatabase database = EmbeddedDatabase.start();
        database.close();
        assertEquals(null, database.clusterName(), "nothing answers on port " + database.port() + " any more");
    }
}
