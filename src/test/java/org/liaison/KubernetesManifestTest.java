package org.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployment README "Migrations as their own step" describes: Flyway in the init container only. */
class KubernetesManifestTest {

    static JsonNode deployment() throws Exception {
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(new File("src/main/kubernetes/liaison.yml"))) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if ("Deployment".equals(doc.path("kind").asText())) {
                    return doc.path("spec").path("template").path("spec");
                }
            }
        }
        throw new AssertionError("no Deployment in the manifest");
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> m = new HashMap<>();
        container.path("env").forEach(e -> m.put(e.path("name").asText(), e.path("value").asText()));
        return m;
    }

    @Test
    void theInitContainerMigratesAndTheServiceOnlyChecksTheSchema() throws Exception {
        JsonNode pod = deployment();
        JsonNode init = pod.path("initContainers").get(0);
        assertTrue(init.path("args").toString().contains("\"migrate\""), init.toString());
        JsonNode service = pod.path("containers").get(0);
        Map<String, String> env = env(service);
        assertEquals("false", env.get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
        assertEquals("", env.get("QUARKUS_DATASOURCE_JDBC_URL"), "the serving pods need no JDBC URL");
        assertFalse(env.containsKey("QUARKUS_FLYWAY_VALIDATE_AT_START"), "Flyway's validation would need the JDBC URL");
        assertFalse(env(init).containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "the init container keeps the secret's JDBC URL");
    }
}
