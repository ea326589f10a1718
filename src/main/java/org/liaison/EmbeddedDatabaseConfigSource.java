package org.liaison;

import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands Quarkus the datasource settings of the embedded server a run started
 * ({@code org.liaison.embedded.ProcessDatabase} puts them into system properties under
 * {@link #PREFIX}). Its ordinal is below every file and the environment: a datasource configured
 * anywhere wins, even where LiaisonMain could not see it. Reading system properties keeps the
 * settings across a dev-mode reload (a new class loader); in builds without the embedded server
 * nothing sets them and this source is empty. It also gives such a run the defaults of a local
 * trial ({@link #TRIAL_FEEDS}), below any configured value.
 */
public class EmbeddedDatabaseConfigSource implements ConfigSource {

    /** Outside the "liaison" and "quarkus" roots, whose unknown names Quarkus refuses or warns about. */
    public static final String PREFIX = "org.liaison.embedded.";
    static final String DATASOURCE = "quarkus.datasource.";
    /** A local trial fetches feeds on its own machine (org.liaison.feed: the SSRF rule's exception). */
    public static final String TRIAL_FEEDS = "liaison.feeds.allow-private-addresses";
    /** Below application.properties (250) and microprofile-config.properties (100). */
    static final int ORDINAL = 90;

    @Override
    public Set<String> getPropertyNames() {
        return System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(PREFIX))
                .map(n -> n.substring(PREFIX.length())).filter(EmbeddedDatabaseConfigSource::served)
                .collect(Collectors.toSet());
    }

    @Override
    public String getValue(String propertyName) {
        return served(propertyName) ? System.getProperty(PREFIX + propertyName) : null;
    }

    private static boolean served(String name) {
        return name.startsWith(DATASOURCE) || name.equals(TRIAL_FEEDS);
    }

    @Override
    public String getName() {
        return "embedded PostgreSQL of this run";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
