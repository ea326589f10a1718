package org.liaison.article.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scores the extractor on the check set (src/test/resources/corpus/check): reconstructed reports
 * written for the project that the extractor was not tuned on. A measurement, not a gate: it prints
 * the figures and asserts only that every file parses and carries a gold block. Run with
 * {@code ./mvnw -B -o test -Dtest=CheckCorpusReport -Dcheckset=true -Dsurefire.failIfNoSpecifiedTests=false};
 * add {@code -Dcheckset.dump=true} to print each article's extracted exchanges as JSON, and
 * {@code -Dcheckset.dir=src/test/resources/corpus/check2} to score the second, final check set
 * (measured only, never tuned on).
 */
@EnabledIfSystemProperty(named = "checkset", matches = "true")
class CheckCorpusReport {

    static final Path CHECK = Path.of(System.getProperty("checkset.dir", "src/test/resources/corpus/check"));

    @Test
    void reportsTheFiguresOnTheCheckSet() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CHECK)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no check-set files in " + CHECK);
        for (Path f : files) {
            JsonNode art = ExtractionEvaluationTest.MAPPER.readTree(f.toFile());
            assertTrue(art.path("gold").isObject(), f + " has no gold block");
            assertTrue(art.path("gold").path("exchanges").isArray(), f + " has no gold exchanges array");
            assertTrue(art.path("text").isTextual(), f + " has no text");
            if (Boolean.getBoolean("checkset.dump")) {
                ArticleInput in = ExtractionEvaluationTest.input(art);
                System.out.println("PRED " + art.path("id").asText() + " "
                        + ExtractionEvaluationTest.MAPPER.valueToTree(ExtractionEvaluationTest.EXTRACTOR.extract(in)));
            }
        }
        ExtractionEvaluationTest.print("Extraction on the check set " + CHECK.getFileName() + " (" + files.size() + " articles)",
                ExtractionEvaluationTest.evaluate(CHECK));
    }
}
