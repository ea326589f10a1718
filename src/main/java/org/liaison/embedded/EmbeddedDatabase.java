package org.liaison.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL server of this process's own: zonky's binaries on a free port with a fresh data
 * directory (removed at {@link #close()}); as root, zonky runs it inside a user namespace.
 * It listens on 127.0.0.1 only and the URLs name that address, so the address checked is the
 * one the service connects to. The server is given a name nobody else knows (cluster_name) and
 * is used only once that name has been read back through the URL handed out: a server that
 * merely answers on the port (another instance's, the developer's own) is never used.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String DATABASE = "postgres";
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    /** A port that was free when zonky chose it can be taken before the server binds it. */
    static final int ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server;
    private final AtomicBoolean zonkyClosed;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
        this.zonkyClosed = closedFlag(server);
        if (zonkyClosed != null) {
            zonkyClosed.set(true); // zonky's shutdown hook now does nothing; close() undoes this
        }
    }

    /**
     * zonky stops its server from a JVM shutdown hook of its own, which runs at the same time as
     * Quarkus's and so cuts the pools' connections ("terminating connection due to
     * administrator command"). Its close() returns at once while this flag is set. Null if a
     * zonky version without it is used: then its hook stops the server as before.
     */
    static AtomicBoolean closedFlag(EmbeddedPostgres server) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            return closed.get(server) instanceof AtomicBoolean flag ? flag : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("zonky's shutdown hook is not held back (%s)", e);
            return null;
        }
    }

    /** On a free port zonky chooses. */
    public static EmbeddedDatabase start() {
        return start(0);
    }

    /** On {@code port}, or on a free one if 0 (a fixed port is for the tests of the refusal). */
    static EmbeddedDatabase start(int port) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String name = "liaison-" + UUID.randomUUID();
            EmbeddedPostgres server;
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", HOST)
                        .setServerConfig("cluster_name", name);
                if (port != 0) {
                    builder.setPort(port);
                }
                server = builder.start();
            } catch (IOException | RuntimeException e) {
                failure = new IllegalStateException("cannot start the embedded PostgreSQL", e);
                continue;
            }
            EmbeddedDatabase database = new EmbeddedDatabase(server);
            if (name.equals(database.clusterName())) {
                LOG.infof("Embedded PostgreSQL started on port %d (data directory of its own, removed at exit)",
                        server.getPort());
                return database;
            }
            failure = new IllegalStateException("port " + server.getPort()
                    + " is answered by a PostgreSQL this process did not start; not using it");
            database.close();
        }
        throw failure;
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + DATABASE;
    }

    /** The settings that point Quarkus (Flyway over JDBC, the reactive pool) at this server. */
    public Map<String, String> datasourceSettings() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.reactive.url", "postgresql://" + HOST + ":" + port() + "/" + DATABASE,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    /** The cluster_name of the server behind {@link #jdbcUrl()}, or null if none answers. */
    String clusterName() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show cluster_name")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (zonkyClosed != null) {
            zonkyClosed.set(false);
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
