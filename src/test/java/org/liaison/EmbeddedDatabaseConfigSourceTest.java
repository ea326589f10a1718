package org.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseConfigSourceTest {

    static final String URL = "quarkus.datasource.jdbc.url";

    @AfterEach
    void clear() {
        System.clearProperty(EmbeddedDatabaseConfigSource.PREFIX + URL);
        System.clearProperty(EmbeddedDatabaseConfigSource.PREFIX + "quarkus.http.port");
        System.clearProperty(EmbeddedDatabaseConfigSource.PREFIX + EmbeddedDatabaseConfigSource.TRIAL_FEEDS);
    }

    static Config config(Map<String, String> file) {
        return new SmallRyeConfigBuilder().withSources(new EmbeddedDatabaseConfigSource())
                .withSources(new PropertiesConfigSource(file, "application.properties", 250)).build();
    }

    @Test
    void givesTheEmbeddedServersSettingsWhenNothingElseIsConfigured() {
        System.setProperty(EmbeddedDatabaseConfigSource.PREFIX + URL, "jdbc:postgresql://127.0.0.1:1234/postgres");
        assertEquals("jdbc:postgresql://127.0.0.1:1234/postgres", config(Map.of()).getValue(URL, String.class));
    }

    @Test
    void aDatasourceConfiguredAnywhereElseWins() {
        System.setProperty(EmbeddedDatabaseConfigSource.PREFIX + URL, "jdbc:postgresql://127.0.0.1:1234/postgres");
        assertEquals("jdbc:postgresql://db:5432/liaison",
                config(Map.of(URL, "jdbc:postgresql://db:5432/liaison")).getValue(URL, String.class));
    }

    @Test
    void holdsDatasourceSettingsOnly() {
        System.setProperty(EmbeddedDatabaseConfigSource.PREFIX + "quarkus.http.port", "1");
        assertTrue(config(Map.of()).getOptionalValue("quarkus.http.port", String.class).isEmpty());
        assertTrue(new EmbeddedDatabaseConfigSource().getPropertyNames().isEmpty());
    }

    /** The embedded default run (a local trial) may watch a feed on its own machine; a configured value wins. */
    @Test
    void aTrialRunAllowsLocalFeedsUnlessConfiguredOtherwise() {
        String name = EmbeddedDatabaseConfigSource.TRIAL_FEEDS;
        assertTrue(config(Map.of()).getOptionalValue(name, Boolean.class).isEmpty(), "nothing without the embedded server");
        System.setProperty(EmbeddedDatabaseConfigSource.PREFIX + name, "true");
        assertEquals(Boolean.TRUE, config(Map.of()).getValue(name, Boolean.class));
        assertEquals(Boolean.FALSE, config(Map.of(name, "false")).getValue(name, Boolean.class));
    }
}
