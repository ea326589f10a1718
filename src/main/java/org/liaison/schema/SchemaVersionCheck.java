package org.liaison.schema;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.liaison.web.DatabaseOutage;

/**
 * What a service that does not migrate at start (quarkus.flyway.migrate-at-start=false: the
 * migration is its own step, README "Migrations as their own step") does instead: one query of
 * Flyway's history over the reactive pool, held against this build's migrations. It fails the
 * start, naming every difference, where Flyway's own validation would (a migration not applied, a
 * script applied in another version, a failed one), and, like Flyway's default, accepts versions
 * newer than this build's. It needs no JDBC connection: such a service can run without a JDBC URL.
 * A database that cannot be reached yet is waited for, as Flyway's connect-retries do.
 */
@Singleton
public class SchemaVersionCheck {

    private static final Logger LOG = Logger.getLogger(SchemaVersionCheck.class);

    private final boolean migratedAtStart;
    private final boolean enabled;
    private final Duration patience;
    private final String table;

    public SchemaVersionCheck(@ConfigProperty(name = "quarkus.flyway.migrate-at-start", defaultValue = "false") boolean migratedAtStart,
            @ConfigProperty(name = "liaison.schema.check-at-start", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "liaison.schema.wait", defaultValue = "10m") Duration patience,
            @ConfigProperty(name = "quarkus.flyway.table", defaultValue = "flyway_schema_history") String table) {
        this.migratedAtStart = migratedAtStart;
        this.enabled = enabled;
        this.patience = patience;
        this.table = table;
    }

    /** Whether this start checks the schema: Flyway did not just migrate it, and the check is not switched off. */
    public boolean applies() {
        return enabled && !migratedAtStart;
    }

    /** Blocks until the history was read; throws {@link SchemaMismatch} when it is not this build's. */
    public void verify(Pool pool) {
        List<Migration> expected = MigrationList.packaged();
        List<Applied> history = readWaiting(pool);
        List<String> problems = differences(expected, history);
        if (!problems.isEmpty()) {
            throw new SchemaMismatch("The database's schema is not the one this build expects (quarkus.flyway.migrate-at-start"
                    + " is false, so this service migrates nothing): " + String.join("; ", problems)
                    + ". Run `liaison migrate` of this build against it first (README: \"Migrations as their own step\").");
        }
        LOG.infof("Schema checked: the database has this build's %d migrations (%s)", expected.size(), table);
    }

    /** A row of Flyway's history. */
    record Applied(String version, String script, Integer checksum, boolean success, String type) {
    }

    static List<String> differences(List<Migration> expected, List<Applied> history) {
        List<String> problems = new ArrayList<>();
        String baseline = null;
        for (Applied a : history) {
            if (!a.success()) {
                problems.add(a.script() + " failed on this database (success = false in the history; repair it, then migrate)");
            }
            if ("BASELINE".equals(a.type()) && a.success()) {
                baseline = a.version();
            }
        }
        for (Migration m : expected) {
            Applied last = null;
            for (Applied a : history) {
                if ("BASELINE".equals(a.type())) {
                    continue;
                }
                // Flyway records a script by its path under its location, a repeatable one under analytics-sql/views by its
                // classpath path: compared by file name
                boolean same = m.repeatable() ? m.script().equals(fileName(a.script())) : m.version().equals(a.version());
                if (same && a.success()) {
                    last = a; // the history is in installed order: a repeatable's latest run counts
                }
            }
            if (last == null) {
                if (m.repeatable() || baseline == null || compareVersions(m.version(), baseline) > 0) {
                    problems.add(m.script() + " is not applied");
                }
            } else if (last.checksum() == null || last.checksum() != m.checksum()) {
                problems.add(m.script() + (m.repeatable() ? " was last applied in another version" : " was applied in another version")
                        + " (checksum " + last.checksum() + ", this build's " + m.checksum() + ")");
            }
        }
        return problems;
    }

    static String fileName(String script) {
        return script == null ? null : script.substring(script.lastIndexOf('/') + 1);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private List<Applied> readWaiting(Pool pool) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 100;
        for (int attempt = 1;; attempt++) {
            try {
                return read(pool);
            } catch (RuntimeException e) {
                if (noHistoryTable(e)) {
                    throw new SchemaMismatch("The database has no Flyway history (" + table + "): it was never migrated, and"
                            + " quarkus.flyway.migrate-at-start is false. Run `liaison migrate` of this build against it first"
                            + " (README: \"Migrations as their own step\").");
                }
                if (!DatabaseOutage.is(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                LOG.warnf("The database cannot be reached yet (%s); trying again in %d ms (attempt %d, liaison.schema.wait %s)",
                        e.getMessage(), pause, attempt, patience);
                sleep(pause);
                pause = Math.min(pause * 2, 2000);
            }
        }
    }

    private static boolean noHistoryTable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return "42P01".equals(pg.getSqlState()); // undefined_table
            }
        }
        return false;
    }

    private List<Applied> read(Pool pool) {
        // the table name is configuration, not input; quoted as an identifier all the same
        String sql = "select version, script, checksum, success, type from \"" + table.replace("\"", "\"\"")
                + "\" order by installed_rank";
        List<Applied> out = new ArrayList<>();
        for (Row r : pool.query(sql).execute().await().atMost(Duration.ofMinutes(1))) {
            out.add(new Applied(r.getString(0), r.getString(1), r.getInteger(2), r.getBoolean(3), r.getString(4)));
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
