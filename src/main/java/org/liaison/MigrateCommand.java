package org.liaison;

import io.quarkus.runtime.QuarkusApplication;
import org.jboss.logging.Logger;

/**
 * {@code liaison migrate} (README: "Migrations as their own step"): the run that brings a
 * database to this build's schema and reference files, then exits 0, for a Kubernetes init
 * container or Job, so that the serving instances only check the schema version. By the time
 * {@link #run} is called Quarkus has started: Flyway has migrated (LiaisonMain switches
 * migrate-at-start on for this run) and {@link Startup} has loaded the reference files; a failure
 * of either has already stopped the run with a non-zero status and its message.
 */
public class MigrateCommand implements QuarkusApplication {

    static final String NAME = "migrate";
    private static final Logger LOG = Logger.getLogger(MigrateCommand.class);

    @Override
    public int run(String... args) {
        LOG.info("Migrations and reference files are applied; exiting (liaison migrate)");
        return 0;
    }
}
