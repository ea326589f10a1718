package org.liaison.embedded;

import org.liaison.EmbeddedDatabaseConfigSource;

/**
 * The embedded database of a {@code java -jar} or dev-mode process. LiaisonMain starts it
 * before Quarkus reads its configuration, when it sees no datasource URL configured. Its
 * settings go into system properties that EmbeddedDatabaseConfigSource hands to Quarkus below
 * every other source, so a datasource configured anywhere still wins. System properties also
 * outlive a dev-mode reload, which runs LiaisonMain again: the server is started once.
 */
public final class ProcessDatabase {

    private ProcessDatabase() {
    }

    public static void start() {
        if (System.getProperty(EmbeddedDatabaseConfigSource.PREFIX + "quarkus.datasource.jdbc.url") != null) {
            return; // started before this dev-mode reload
        }
        EmbeddedDatabase database = EmbeddedDatabase.start();
        database.datasourceSettings().forEach((k, v) -> System.setProperty(EmbeddedDatabaseConfigSource.PREFIX + k, v));
        // a trial on its own database may watch a feed served on the same machine
        System.setProperty(EmbeddedDatabaseConfigSource.PREFIX + EmbeddedDatabaseConfigSource.TRIAL_FEEDS, "true");
        Runtime.getRuntime().addShutdownHook(new StopAfterQuarkus(database));
    }
}
