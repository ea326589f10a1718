package org.liaison;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails fast, with a message that says what to do, when a build without the embedded
 * PostgreSQL (-Dprod, -Dnative) is started without a database configured. The environment and
 * system properties are read directly too: in a native executable the configuration seen here,
 * before Quarkus starts, is the one of the image build.
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
        for (String property : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url",
                "quarkus.datasource.username")) {
            String env = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
            if (config.getOptionalValue(property, String.class).isEmpty() && System.getProperty(property) == null
                    && System.getenv(env) == null) {
                missing.add(env);
            }
        }
        return missing;
    }
}
