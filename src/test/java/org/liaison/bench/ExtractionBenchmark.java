package org.liaison.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liaison.article.extract.ArticleExtractor;
import org.liaison.article.extract.ArticleInput;

/**
 * In-process extraction speed on 2,000-character articles after warm-up: a benchmark, not a
 * test (it asserts nothing and is skipped unless -Dbench=true). See bench/README.md.
 *
 *   ./mvnw test -Dtest=ExtractionBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ExtractionBenchmark {

    @Test
    void medianExtractionTimeOf2000CharacterArticles() throws Exception {
        ArticleExtractor extractor = new ArticleExtractor();
        ObjectMapper mapper = new ObjectMapper();
        List<ArticleInput> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/corpus/dev"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode a = mapper.readTree(f.toFile());
                String text = a.path("text").asText();
                StringBuilder t = new StringBuilder(text);
                while (t.length() < 2000) {
                    t.append("\n\n").append(text);
                }
                articles.add(new ArticleInput(null, null, a.path("published").isNull() ? null : a.path("published").asText(),
                        null, a.path("title").isNull() ? null : a.path("title").asText(), t.substring(0, 2000)));
            }
        }
        for (int i = 0; i < 100; i++) {
            articles.forEach(extractor::extract);
        }
        int rounds = 30;
        long[] nanos = new long[rounds * articles.size()];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (ArticleInput a : articles) {
                long t0 = System.nanoTime();
                extractor.extract(a);
                nanos[n++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%nextraction of a 2,000-character article (%d articles x %d rounds, after %d warm-up runs): "
                + "median %.2f ms, p90 %.2f ms, max %.2f ms%n", articles.size(), rounds, 100 * articles.size(),
                nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.9)] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    /** Hostile and long inputs: each timed 5 times after 2 warm-ups; medians printed (linear, not super-linear). */
    @Test
    void longInputsStayLinear() {
        ArticleExtractor extractor = new ArticleExtractor();
        for (int length : new int[] { 10_000, 20_000, 40_000, 200_000 }) {
            String token = "A".repeat(length);
            String words = "Nguyen Van A met Wang Wei in Hanoi on May 5. ".repeat(length / 45 + 1).substring(0, length);
            System.out.printf("%n%,d characters: one capitalised token median %.1f ms, running text median %.1f ms%n", length,
                    median(extractor, token), median(extractor, words));
        }
    }

    private static double median(ArticleExtractor extractor, String text) {
        ArticleInput in = new ArticleInput(null, null, "2025-05-06", null, null, text);
        extractor.extract(in);
        extractor.extract(in);
        long[] nanos = new long[5];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            extractor.extract(in);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }
}
