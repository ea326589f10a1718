package org.liaison.schema;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgException;
import jakarta.inject.Singleton;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.liaison.web.DatabaseOutage;

/**
 * The check of the database's schema at every start (README "Migrations as their own step"): one
 * query of Flyway's history over the reactive pool, held against this build's migrations by
 * {@link FlywayHistory}'s rules; any difference stops the start, each one named. It needs no JDBC
 * connection, so a service that leaves migrations to their own step
 * (quarkus.flyway.migrate-at-start=false) runs without a JDBC URL; after a migration at start it
 * confirms what Flyway did (and catches a Flyway that was switched off or had no datasource). A
 * database that cannot be reached yet (refused, not resolvable yet, starting up) is waited for, as
 * Flyway's connect-retries do.
 */
@Singleton
public class SchemaVersionCheck {

    private static final Logger LOG = Logger.getLogger(SchemaVersionCheck.class);

    private final boolean enabled;
    private final Duration patience;
    private final String table;

    public SchemaVersionCheck(@ConfigProperty(name = "liaison.schema.check-at-start", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "liaison.schema.wait", defaultValue = "10m") Duration patience,
            @ConfigProperty(name = "quarkus.flyway.table", defaultValue = "flyway_schema_history") String table,
            @ConfigProperty(name = "quarkus.flyway.default-schema") Optional<String> defaultSchema,
            @ConfigProperty(name = "quarkus.flyway.schemas") Optional<List<String>> schemas) {
        this.enabled = enabled;
        this.patience = patience;
        // Flyway keeps its table in the default schema, else the first of the schemas it manages, else the connection's
        String schema = defaultSchema.or(() -> schemas.filter(s -> !s.isEmpty()).map(s -> s.get(0))).orElse(null);
        this.table = (schema == null ? "" : quoted(schema) + ".") + quoted(table);
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Whether this start checks the schema (liaison.schema.check-at-start). */
    public boolean applies() {
        return enabled;
    }

    /** Blocks until the history was read; throws {@link SchemaMismatch} when it is not this build's. */
    public void verify(Pool pool) {
        List<Migration> build = MigrationList.packaged();
        List<FlywayHistory.Row> history = readWaiting(pool);
        List<String> problems = FlywayHistory.differences(build, history);
        if (!problems.isEmpty()) {
            throw new SchemaMismatch("The database's schema is not the one this build expects (Flyway's history, " + table
                    + "): " + String.join("; ", problems) + ". Run `liaison migrate` of this build against it first (README: "
                    + "\"Migrations as their own step\").");
        }
        List<String> newer = FlywayHistory.future(build, history);
        if (!newer.isEmpty()) {
            LOG.warnf("The database has migrations newer than this build (%s): a newer build migrated it", String.join(", ", newer));
        }
        LOG.infof("Schema checked: the database has this build's %d migrations (%s)", build.size(), table);
    }

    private List<FlywayHistory.Row> readWaiting(Pool pool) {
        long started = System.nanoTime();
        long pause = 100;
        for (int attempt = 1;; attempt++) {
            try {
                return read(pool);
            } catch (RuntimeException e) {
                if (noHistoryTable(e)) {
                    throw new SchemaMismatch("The database has no Flyway history (" + table + " does not exist in the schemas of"
                            + " the connection's search_path): it was never migrated, or quarkus.flyway.default-schema/schemas/table"
                            + " name another place. Run `liaison migrate` of this build against it first (README: \"Migrations"
                            + " as their own step\").");
                }
                if (!unreachable(e)) {
                    throw e;
                }
                if (System.nanoTime() - started + pause * 1_000_000 > patience.toNanos()) {
                    throw new IllegalStateException("The database could not be reached for " + patience.toSeconds()
                            + " s (liaison.schema.wait; raise it for a longer wait): " + e.getMessage(), e);
                }
                LOG.warnf("The database cannot be reached yet (%s); trying again in %d ms (attempt %d; waiting at most %d s, "
                        + "liaison.schema.wait)", e.getMessage(), pause, attempt, patience.toSeconds());
                sleep(pause);
                pause = Math.min(pause * 2, 2000);
            }
        }
    }

    /** A database not up yet; at start also one whose name does not resolve yet (the DNS of a platform that starts both). */
    static boolean unreachable(Throwable e) {
        if (DatabaseOutage.is(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static boolean noHistoryTable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return "42P01".equals(pg.getSqlState()); // undefined_table
            }
        }
        return false;
    }

    private List<FlywayHistory.Row> read(Pool pool) {
        // the table name is configuration, not input; quoted as an identifier all the same
        String sql = "select version, script, checksum, success, type from " + table + " order by installed_rank";
        List<FlywayHistory.Row> out = new ArrayList<>();
        for (Row r : pool.query(sql).execute().await().atMost(Duration.ofMinutes(1))) {
            out.add(new FlywayHistory.Row(r.getString(0), r.getString(1), r.getInteger(2), r.getBoolean(3), r.getString(4)));
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    /** The start stops with this message. */
    public static final class SchemaMismatch extends IllegalStateException {
        public SchemaMismatch(String message) {
            super(message);
        }
    }
}
