package org.liaison.embedded;

import io.quarkus.runtime.Application;

/**
 * The shutdown hook that stops the embedded server once Quarkus has stopped (its own hook runs
 * at the same time): the pools and the LISTEN connection are closed by then, so the server
 * ends no connection under the service's feet. The wait is bounded, so a Quarkus that never
 * finishes stopping does not keep the server (and the JVM) alive.
 */
final class StopAfterQuarkus extends Thread {

    static final long WAIT_MS = 60_000;

    private final EmbeddedDatabase database;
    // Created now, not in run(): in dev mode this class's loader may be closed by then.
    private final Thread quarkusStopped = new Thread(StopAfterQuarkus::awaitQuarkus, "await-quarkus-stop");

    StopAfterQuarkus(EmbeddedDatabase database) {
        super("embedded-postgres-stop");
        this.database = database;
        quarkusStopped.setDaemon(true);
    }

    static void awaitQuarkus() {
        Application app = Application.currentApplication();
        if (app != null) {
            app.awaitShutdown(); // returns at once if it has stopped (or failed to start)
        }
    }

    @Override
    public void run() {
        quarkusStopped.start();
        try {
            quarkusStopped.join(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
