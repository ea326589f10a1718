package org.liaison;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails fast, with a message that says what to do, when a build without the embedded
 * PostgreSQL (-Dprod, -Dnative) is started without a database configured.
 */
@QuarkusMain
public class LiaisonMain {

    static final String EMBEDDED = "io.quarkiverse.embedded.postgresql.EmbeddedPostgreSQLRecorder";

    public static void main(String... args) {
        List<String> missing = missingDatabaseSettings(ConfigProvider.getConfig(), embeddedServer());
        if (!missing.isEmpty()) {
            System.err.println("Liaison needs a PostgreSQL database and this build has no embedded server.\n"
                    + "Set " + String.join(", ", missing) + " (README: \"Using an external PostgreSQL\"), e.g.\n"
                    + "  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/liaison\n"
                    + "  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://db:5432/liaison\n"
                    + "  QUARKUS_DATASOURCE_USERNAME=liaison QUARKUS_DATASOURCE_PASSWORD=...");
            System.exit(2);
        }
        Quarkus.run(args);
    }

    static boolean embeddedServer() {
        try {
            Class.forName(EMBEDDED, false, LiaisonMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static List<String> missingDatabaseSettings(Config config, boolean embedded) {
        List<String> missing = new ArrayList<>();
        if (embedded) {
            return missing;
        }
        if (config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isEmpty()) {
            missing.add("QUARKUS_DATASOURCE_JDBC_URL");
        }
        if (config.getOptionalValue("quarkus.datasource.reactive.url", String.class).isEmpty()) {
            missing.add("QUARKUS_DATASOURCE_REACTIVE_URL");
        }
        if (config.getOptionalValue("quarkus.datasource.username", String.class).isEmpty()) {
            missing.add("QUARKUS_DATASOURCE_USERNAME");
        }
        return missing;
    }
}
