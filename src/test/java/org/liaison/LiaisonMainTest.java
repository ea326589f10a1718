package org.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class LiaisonMainTest {

    static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void withoutEmbeddedServerEveryMissingSettingIsNamed() {
        assertEquals(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_USERNAME"),
                LiaisonMain.missingDatabaseSettings(config(Map.of("quarkus.flyway.migrate-at-start", "true")), false));
        assertEquals(List.of("QUARKUS_DATASOURCE_REACTIVE_URL"), LiaisonMain.missingDatabaseSettings(config(Map.of(
                "quarkus.flyway.migrate-at-start", "true",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x", "quarkus.datasource.username", "u")), false));
    }

    @Test
    void aServiceThatLeavesFlywayAloneAtStartNeedsNoJdbcUrl() {
        assertEquals(List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_USERNAME"),
                LiaisonMain.missingDatabaseSettings(config(Map.of("quarkus.flyway.migrate-at-start", "false")), false));
        assertEquals(List.of("QUARKUS_DATASOURCE_JDBC_URL"), LiaisonMain.missingDatabaseSettings(config(Map.of(
                "quarkus.flyway.migrate-at-start", "false", "quarkus.flyway.validate-at-start", "true",
                "quarkus.datasource.reactive.url", "postgresql://db/x", "quarkus.datasource.username", "u")), false));
    }

    @Test
    void theEmbeddedServerNeedsNoSettings() {
        assertTrue(LiaisonMain.missingDatabaseSettings(config(Map.of()), true).isEmpty());
        // The tests of org.liaison.embedded are compiled exactly in the builds that carry it:
        // the default one, not -Dprod or -Dnative (whose tests still have zonky on the class path).
        boolean defaultBuild = LiaisonMainTest.class.getResource("/org/liaison/embedded/EmbeddedDatabaseTest.class") != null;
        assertEquals(defaultBuild, LiaisonMain.embeddedServer());
    }
}
