package org.liaison.exchange;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.liaison.web.DatabaseOutage;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;

/**
 * The one place a write transaction runs. Concurrent writers can still meet in the database: a
 * deadlock or serialization failure between two imports' rows, or two clients creating the same
 * new record at once (the second insert then fails on the unique key, although a moment later
 * the record is simply "already there", or it is met by the "already known" lookup: {@link ConcurrentCreate}). Such a transaction is run again from the start, a few
 * times with growing, jittered pauses, and sees the other's committed result; only if that keeps
 * failing does the client get a 503 (or a 409 for a key that keeps colliding), never a 500.
 */
@ApplicationScoped
public class WriteTransaction {

    private static final Logger LOG = Logger.getLogger(WriteTransaction.class);
    /** Attempts after the first. */
    public static final int RETRIES = 6;
    static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    static final Duration LONGEST_PAUSE = Duration.ofMillis(400);

    private final Pool pool;

    public WriteTransaction(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in a transaction of its own, again after a transient conflict; {@code work} must not keep state between attempts. */
    public <T> Uni<T> run(Function<SqlClient, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> pool.withTransaction(work::apply))
                .onFailure(WriteTransaction::transientConflict).invoke(e -> LOG.debugf("Write transaction retried: %s", e.getMessage()))
                .onFailure(WriteTransaction::transientConflict).retry()
                .withBackOff(FIRST_PAUSE, LONGEST_PAUSE).withJitter(0.5).atMost(RETRIES)
                .onFailure().transform(WriteTransaction::answer);
    }

    /** A blocking caller's pause before attempt {@code attempt + 1}: the same growing, jittered pauses. */
    public static void pause(int attempt) {
        long ms = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attempt, 20));
        try {
            Thread.sleep(ms / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ms / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Deadlock, serialization failure, a unique key another transaction just took, a foreign key
     * to a row another transaction just removed or just started to use (a source left without
     * exchanges is deleted while another write cites it), a lock not granted in time.
     */
    public static boolean transientConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrentCreate) {
                return true;
            }
        }
        String state = sqlState(e);
        return state != null && (state.equals("40001") || state.equals("40P01") || state.equals("23505") || state.equals("23503")
                || state.equals("55P03"));
    }

    /** What a client is told once the retries are spent, or for a database that is away. */
    public static Throwable answer(Throwable e) {
        if (e instanceof ProblemException) {
            return e;
        }
        if (DatabaseOutage.is(e)) {
            return DatabaseOutage.problem();
        }
        String state = sqlState(e);
        if ("23505".equals(state) || e instanceof ConcurrentCreate) {
            return new ProblemException(ProblemType.CONFLICT, "Another request was writing the same record at the same time; "
                    + "read it and try again", List.of());
        }
        if (transientConflict(e)) {
            LOG.warnf("A write kept meeting concurrent writes and was given up after %d attempts: %s", RETRIES + 1, e.getMessage());
            return new ProblemException(ProblemType.UNAVAILABLE, "Too many concurrent writes to the same records; nothing was "
                    + "changed by this request. Try again in a moment", List.of(), 1);
        }
        return e;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return pg.getSqlState();
            }
        }
        return null;
    }
}
