package org.liaison.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures of the history's query the check waits out at start, and which stop the start at once. */
class SchemaWaitTest {

    @Test
    void aDatabaseNotUpOrNotResolvableYetIsWaitedFor() {
        assertTrue(SchemaVersionCheck.unreachable(new CompletionException(new ConnectException("Connection refused"))));
        // a platform that starts the database and the service together: its DNS name may not resolve yet
        assertTrue(SchemaVersionCheck.unreachable(new CompletionException(new UnknownHostException("db.liaison.svc"))));
    }

    @Test
    void otherFailuresAreNotWaitedFor() {
        assertFalse(SchemaVersionCheck.unreachable(new IllegalArgumentException("bad configuration")));
        assertFalse(SchemaVersionCheck.unreachable(new io.vertx.pgclient.PgException("password authentication failed", "FATAL", "28P01", "")));
    }
}
