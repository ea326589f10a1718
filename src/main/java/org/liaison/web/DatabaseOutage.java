package org.liaison.web;

import io.vertx.pgclient.PgException;
import java.util.List;
import java.util.Set;

/**
 * Whether a failure means the database cannot be reached right now (refused or lost connection,
 * a server shutting down or starting up, an exhausted pool): the client should try again later
 * (503 with Retry-After), and no operator needs an incident report (a reset socket is the database's:
 * a client that goes away is not an exception in a resource). Read along the cause chain,
 * because the reactive client wraps what the socket said.
 */
public final class DatabaseOutage {

    /** Seconds a client is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /** By name: classes of libraries this module does not depend on directly (socket failures are matched by type below). */
    private static final Set<String> CLASSES = Set.of("java.nio.channels.ClosedChannelException",
            "io.vertx.sqlclient.ClosedConnectionException", "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.vertx.core.impl.NoStackTraceTimeoutException");

    private DatabaseOutage() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                // 08 connection exception, 57P0x shutdown / cannot connect now / crash recovery, 53 insufficient resources
                return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
            }
            if (CLASSES.contains(t.getClass().getName()) || t instanceof java.net.SocketException) { // refused, reset, timed out: all SocketExceptions
                return true;
            }
            String msg = String.valueOf(t.getMessage());
            if (t.getClass().getName().startsWith("io.vertx") && (msg.contains("Connection refused")
                    || msg.contains("connection may have been lost") || msg.contains("Timeout waiting for connection")
                    || msg.contains("Pool closed") || msg.contains("Connection closed"))) {
                return true;
            }
        }
        return false;
    }

    public static ProblemException problem() {
        return new ProblemException(ProblemType.UNAVAILABLE, "The database cannot be reached just now; nothing was "
                + "changed by this request. Try again in a few seconds", List.of(), RETRY_AFTER_SECONDS);
    }
}
