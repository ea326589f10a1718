package org.liaison.article.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: writes every extraction of the corpus, as given and in three variants (no
 * publication date; no language and title; cut to 2,000 characters), to one JSON file, so that a
 * refactoring can be diffed against the state before it. Skipped unless -Dsnapshot=FILE:
 *
 *   ./mvnw -B -o test -Dtest=ExtractionSnapshotTest -Dsnapshot=/tmp/before.json -Dsurefire.failIfNoSpecifiedTests=false
 *
 * Articles without a publication date resolve against today: diff snapshots of the same day.
 */
@EnabledIfSystemProperty(named = "snapshot", matches = ".+")
class ExtractionSnapshotTest {
    @Test
    void dump() throws Exception {
        ArticleExtractor x = new ArticleExtractor();
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = m.createObjectNode();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/corpus/dev"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode a = m.readTree(f.toFile());
                String url = t(a, "url"), outlet = t(a, "outlet"), pub = t(a, "published"), lang = t(a, "language"), title = t(a, "title"), text = t(a, "text");
                String id = f.getFileName().toString();
                out.set(id, m.valueToTree(x.extract(new ArticleInput(url, outlet, pub, lang, title, text))));
                out.set(id + "#nopub", m.valueToTree(x.extract(new ArticleInput(url, outlet, null, lang, title, text))));
                out.set(id + "#nolang", m.valueToTree(x.extract(new ArticleInput(url, outlet, pub, null, null, text))));
                out.set(id + "#2000", m.valueToTree(x.extract(new ArticleInput(null, null, pub, null, title, (text + "\n\n" + text).substring(0, Math.min(2000, 2 * text.length() + 2))))));
            }
        }
        Files.writeString(Path.of(System.getProperty("snapshot")), m.writeValueAsString(out));
    }
    static String t(JsonNode n, String f) { return n.path(f).isNull() || n.path(f).isMissingNode() ? null : n.path(f).asText(); }
}
