package org.liaison;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL that a test stops and starts again, as an operator restarts a database: the
 * same port and the same data directory each time (zonky's binaries, as {@link ItDatabase}'s;
 * initdb runs only on the first start). Stopping is {@code pg_ctl stop -m fast}: open
 * connections are cut, as in a crash or a failover. The directory is removed on close.
 */
public final class StoppablePostgres implements AutoCloseable {

    public final int port;
    public final Path directory;
    private EmbeddedPostgres running;

    private StoppablePostgres(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** On a free port, with a new data directory; not started. */
    public static StoppablePostgres create(String purpose) {
        try {
            return new StoppablePostgres(ServiceProcess.freePort(), Files.createTempDirectory("liaison-" + purpose + "-pg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        if (running != null) {
            return;
        }
        try {
            running = EmbeddedPostgres.builder().setPort(port).setDataDirectory(directory).setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1").start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port + " in " + directory, e);
        }
    }

    public synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running = null;
        }
    }

    /**
     * While the server is stopped: listens on its port until a client connects (the service
     * looking for its database), closes that connection unanswered, and stops listening, so that
     * further attempts are refused as before. True if someone connected within {@code patience}.
     * A test can so be sure its service met the database down, however long the service took to
     * get there.
     */
    public boolean awaitConnectionAttempt(Duration patience) {
        if (running != null) {
            throw new IllegalStateException("PostgreSQL is running on " + port);
        }
        try (ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener.setSoTimeout((int) patience.toMillis());
            try (Socket attempt = listener.accept()) {
                return true;
            } catch (SocketTimeoutException nobody) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> datasource() {
        return ServiceProcess.datasource(port);
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
