package org.liaison.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.liaison.exchange.ExchangeResourceTest;

/**
 * The packaged default jar, started as users start it: with no datasource configured, each run
 * gets a PostgreSQL of its own, and a server it did not start is never used. (Before, the port
 * was fixed at build time, 5433: a second jar served the first one's data, and any PostgreSQL
 * on 5433 with the default credentials was migrated and filled with the demo data.)
 */
class EmbeddedDatabaseIT {

    /** The port the embedded server used to be fixed to. */
    static final int OLD_PORT = 5433;

    static int exchanges(RunningJar jar) {
        return jar.http().get("/api/stats/summary").then().statusCode(200).extract().path("rows[0].exchanges");
    }

    static void assertCleanShutdown(RunningJar jar) throws Exception {
        String log = jar.stop();
        for (String noise : RunningJar.SHUTDOWN_NOISE) {
            assertFalse(log.contains(noise), jar.name + " logged \"" + noise + "\"; see " + jar.log);
        }
    }

    @Test
    void twoDefaultJarsSideBySideEachHaveTheirOwnDatabase() throws Exception {
        try (RunningJar a = RunningJar.start("embedded-it-a"); RunningJar b = RunningJar.start("embedded-it-b")) {
            a.awaitReady();
            b.awaitReady();
            int demo = exchanges(b);
            assertEquals(demo, exchanges(a), "both start with the demo data");

            String id = a.http().contentType("application/json").body(ExchangeResourceTest.exchange("2018-08-09", ""))
                    .post("/api/exchanges").then().statusCode(201).extract().path("id");
            a.http().get("/api/exchanges/" + id).then().statusCode(200);
            b.http().get("/api/exchanges/" + id).then().statusCode(404);
            assertEquals(demo + 1, exchanges(a));
            assertEquals(demo, exchanges(b));
            assertNotEquals(a.databasePort(), b.databasePort());

            assertCleanShutdown(a);
            b.http().get("/api/exchanges?limit=1").then().statusCode(200); // B's database outlives A
            assertCleanShutdown(b);
        }
    }

    @Test
    void aPostgresAlreadyListeningIsNeverTouched() throws Exception {
        try (EmbeddedPostgres foreign = foreignServer();
                RunningJar jar = RunningJar.start("embedded-it-beside-a-foreign-server")) {
            jar.awaitReady();
            String url = foreign.getJdbcUrl("postgres", "postgres");
            assertEquals(0, count(url, "select count(*) from pg_tables where schemaname = 'public'"),
                    "no table (exchange, flyway_schema_history ...) created in the foreign server");
            assertTrue(exchanges(jar) > 0, "the jar has its demo data, in a database of its own");
            assertNotEquals(foreign.getPort(), jar.databasePort());
            assertCleanShutdown(jar);
            assertEquals(1, count(url, "select 1"), "the foreign server was not stopped");
        }
    }

    /** A plain PostgreSQL on the old fixed port; on another one if something already uses it. */
    static EmbeddedPostgres foreignServer() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (free(OLD_PORT)) {
            builder.setPort(OLD_PORT);
        }
        return builder.start();
    }

    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
