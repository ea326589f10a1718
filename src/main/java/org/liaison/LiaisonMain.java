package org.liaison;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.liaison.auth.VerificationSettings;

/**
 * Decides where the database comes from before Quarkus reads its configuration: a configured
 * datasource URL wins; without one, the default build starts its embedded PostgreSQL
 * ({@code org.liaison.embedded}, a server of this process's own on a free port), and a build
 * without it (-Dprod, -Dnative) fails fast with a message that says what to do. So does a run
 * without the settings that verify bearer tokens, unless it is a trial run on its own embedded
 * database: that one makes its own signing key and admin token. The environment
 * and system properties are read directly too: in a native executable the configuration seen
 * here, before Quarkus starts, is the one of the image build.
 */
@QuarkusMain
public class LiaisonMain {

    /** Compiled in the default build only (see pom.xml). */
    static final String EMBEDDED = "org.liaison.embedded.ProcessDatabase";
    /** zonky's server; checked as well, so that stale classes of another build do not count. */
    static final String ZONKY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    /** Makes the signing key and admin token of the embedded default run (README: "Authentication and roles"). */
    static final String DEV_KEY = "org.liaison.embedded.DevSigningKey";
    /** Set by DevSigningKey: the key was made before this dev-mode reload. */
    static final String DEV_TOKEN_FILE = EmbeddedDatabaseConfigSource.PREFIX + "admin-token-file";
    static final List<String> URLS = List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url");
    /**
     * Quarkus' own request-URI check (VertxHttpRecorder, before the router) answers an unparsable URI
     * with an empty 400; with it off, org.liaison.web.HttpLayerProblems applies the same rule in the
     * router's first route and answers a problem. Read once, when Quarkus' HTTP classes initialise:
     * here, before Quarkus starts. A native image initialises them when it is built, so there the
     * setting must be given to the image build (README: "What the HTTP layer answers itself").
     */
    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    public static void main(String... args) throws ReflectiveOperationException {
        if (System.getProperty(URI_VALIDATION_OFF) == null) {
            System.setProperty(URI_VALIDATION_OFF, "true");
        }
        boolean migrate = args.length > 0 && args[0].equals(MigrateCommand.NAME);
        if (migrate) {
            migrateOnly();
        }
        Config config = ConfigProvider.getConfig();
        boolean embedded = embeddedServer();
        boolean ownDatabase = embedded && URLS.stream().noneMatch(p -> configured(config, p));
        if (migrate && ownDatabase) {
            System.err.println("liaison migrate migrates a configured database; this run has none (its embedded server would be"
                    + " gone when it exits).\nSet QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_REACTIVE_URL,"
                    + " QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD (README: \"Migrations as their own step\").");
            System.exit(2);
        }
        // a trial run on a database of its own signs its own tokens when no identity provider is configured
        boolean ownKey = ownDatabase
                && (System.getProperty(DEV_TOKEN_FILE) != null || VerificationSettings.noneSet(p -> configuredKey(config, p)));
        List<String> missing = missingDatabaseSettings(config, embedded);
        if (!missing.isEmpty()) {
            System.err.println("Liaison needs a PostgreSQL database and this build has no embedded server.\n"
                    + "Set " + String.join(", ", missing) + " (README: \"Using an external PostgreSQL\"), e.g.\n"
                    + (flywayAtStart(config) ? "  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/liaison (for Flyway)\n" : "")
                    + "  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://db:5432/liaison\n"
                    + "  QUARKUS_DATASOURCE_USERNAME=liaison QUARKUS_DATASOURCE_PASSWORD=...");
            System.exit(2);
        }
        // a migration serves no request, so it needs no token verification
        List<String> unverifiable = ownKey || migrate ? List.of() : VerificationSettings.missing(p -> configuredKey(config, p));
        if (!unverifiable.isEmpty()) {
            System.err.println(VerificationSettings.message(unverifiable));
            System.exit(2);
        }
        if (ownDatabase) {
            startEmbeddedServer();
        }
        if (ownKey) {
            invoke(DEV_KEY);
        }
        if (migrate) {
            Quarkus.run(MigrateCommand.class, java.util.Arrays.copyOfRange(args, 1, args.length));
        } else {
            Quarkus.run(args);
        }
    }

    /**
     * The settings of a {@code liaison migrate} run, before Quarkus reads its configuration:
     * migrate whatever the serving configuration says (a deployment that migrates in a separate
     * step sets QUARKUS_FLYWAY_MIGRATE_AT_START=false for the service, and may give the init
     * container the same settings and the JDBC URL), no demo data, and an
     * HTTP port of its own (0: any free one), so that it never collides with a running instance.
     */
    static void migrateOnly() {
        System.setProperty("quarkus.flyway.migrate-at-start", "true");
        // Quarkus validates before it migrates: a database behind this build would fail here (migrate validates anyway)
        System.setProperty("quarkus.flyway.validate-at-start", "false");
        System.setProperty("liaison.demo-data", "false");
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("liaison.feeds.enabled", "false"); // a migration polls no feed
    }

    static void startEmbeddedServer() throws ReflectiveOperationException {
        invoke(EMBEDDED);
    }

    /** The static start() of a class of org.liaison.embedded, compiled in the default build only. */
    static void invoke(String className) throws ReflectiveOperationException {
        try {
            Class.forName(className).getMethod("start").invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // the server's own message, not a reflection wrapper
            }
            throw e;
        }
    }

    static boolean embeddedServer() {
        try {
            Class.forName(EMBEDDED, false, LiaisonMain.class.getClassLoader());
            Class.forName(ZONKY, false, LiaisonMain.class.getClassLoader());
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
        // Flyway alone uses the JDBC URL: a service that neither migrates nor validates with it at start
        // checks the schema over the reactive pool (org.liaison.schema) and needs none
        List<String> needed = new ArrayList<>(List.of("quarkus.datasource.reactive.url", "quarkus.datasource.username"));
        if (flywayAtStart(config)) {
            needed.add(0, "quarkus.datasource.jdbc.url");
        }
        for (String property : needed) {
            if (!configured(config, property)) {
                missing.add(env(property));
            }
        }
        return missing;
    }

    /** Whether Flyway connects at start: it migrates (the default, and liaison migrate) or validates. */
    static boolean flywayAtStart(Config config) {
        return flag(config, "quarkus.flyway.migrate-at-start") || flag(config, "quarkus.flyway.validate-at-start");
    }

    /** A boolean setting as Quarkus will see it; unset is false. */
    static boolean flag(Config config, String property) {
        String value = value(config, property);
        return value != null && Boolean.parseBoolean(value.strip());
    }

    /** Set to something: an empty value (QUARKUS_DATASOURCE_JDBC_URL= in a manifest) is unset, as Quarkus reads it. */
    static boolean configured(Config config, String property) {
        return value(config, property) != null;
    }

    /** A setting as Quarkus will see it: a system property, then the environment, then the files; blank counts as unset. */
    private static String value(Config config, String property) {
        for (String v : new String[] { System.getProperty(property), System.getenv(env(property)) }) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return config.getOptionalValue(property, String.class).orElse(null);
    }

    /** A token verification setting: as {@link #configured}, where smallrye-jwt's "NONE" means unset (application.properties). */
    static boolean configuredKey(Config config, String property) {
        return java.util.stream.Stream.of(config.getOptionalValue(property, String.class).orElse(null), System.getProperty(property),
                System.getenv(env(property))).anyMatch(v -> v != null && !v.isBlank() && !v.equals(VerificationSettings.UNSET));
    }

    static String env(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
}
