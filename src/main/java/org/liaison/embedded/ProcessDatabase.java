package org.liaison.embedded;

/**
 * The embedded database of a {@code java -jar} or dev-mode process. LiaisonMain starts it
 * before Quarkus reads its configuration, and only when no datasource URL is configured: a
 * configured database always wins. The URLs go into system properties, which also outlive a
 * dev-mode reload (LiaisonMain runs again, finds them and starts nothing).
 */
public final class ProcessDatabase {

    private ProcessDatabase() {
    }

    public static void start() {
        EmbeddedDatabase database = EmbeddedDatabase.start();
        database.datasourceSettings().forEach(System::setProperty);
        Runtime.getRuntime().addShutdownHook(new StopAfterQuarkus(database));
    }
}
