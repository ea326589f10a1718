package org.liaison.article.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.liaison.exchange.ExchangeInput;
import org.liaison.exchange.ExchangeReader;
import org.liaison.web.FieldError;

/** What POST /api/articles/extract answers: evidence that points into the text, and bodies that POST /api/exchanges reads. */
class ExtractedExchangeContractTest {

    /** As the application serialises (quarkus.jackson.property-naming-strategy=SNAKE_CASE). */
    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    static List<JsonNode> corpus() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(ExtractionEvaluationTest.CORPUS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(JSON.readTree(f.toFile()));
            }
        }
        return out;
    }

    @Test
    void everyEvidenceSpanOfTheCorpusIsItsTextInTheArticle() throws IOException {
        int checked = 0;
        for (JsonNode a : corpus()) {
            String text = a.path("text").asText();
            for (ExtractedExchange e : ExtractionEvaluationTest.EXTRACTOR.extract(ExtractionEvaluationTest.input(a))) {
                for (ExtractedExchange.Evidence ev : e.evidence()) {
                    String where = a.path("id").asText() + " " + ev;
                    if (ev.start() < 0) {
                        // only a match in the title, which is not part of the text, has no offsets
                        assertTrue(AliasKey.fold(a.path("title").asText("")).contains(ev.text()), where);
                        continue;
                    }
                    assertEquals(ev.text(), text.substring(ev.start(), ev.end()), where);
                    checked++;
                }
            }
        }
        assertTrue(checked > 300, "spans checked: " + checked);
    }

    @Test
    void everyExtractedExchangeOfTheCorpusReadsAsAPostBody() throws IOException {
        int read = 0;
        int localities = 0;
        for (JsonNode a : corpus()) {
            for (ExtractedExchange e : ExtractionEvaluationTest.EXTRACTOR.extract(ExtractionEvaluationTest.input(a))) {
                JsonNode body = JSON.valueToTree(e);
                List<FieldError> errors = new ArrayList<>();
                ExchangeInput in = ExchangeReader.read(body, errors);
                assertEquals(List.of(), errors, a.path("id").asText() + " " + body);
                assertEquals(e.participants().size(), in.participants().size());
                // a participant's locality as GET /api/exchanges/{id} gives it: {code, name, country}
                for (int i = 0; i < e.participants().size(); i++) {
                    ExtractedExchange.Participant p = e.participants().get(i);
                    JsonNode locality = in.participants().get(i).locality();
                    if (p.locality() != null) {
                        assertEquals(p.locality().code(), locality.path("code").asText());
                        assertEquals(p.locality().country(), locality.path("country").asText());
                        assertTrue(locality.path("name").isTextual());
                        localities++;
                    }
                }
                read++;
            }
        }
        assertTrue(read > 40, "exchanges read: " + read);
        assertTrue(localities > 10, "participant localities read: " + localities);
    }

    private static final class AliasKey {
        static String fold(String s) {
            return new Folded(s).text;
        }
    }
}
