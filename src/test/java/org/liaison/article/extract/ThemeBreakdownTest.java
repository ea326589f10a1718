package org.liaison.article.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A local diagnosis of the theme stage, off by default ({@code -Dthemes.breakdown=true}): precision
 * and recall per theme over the development corpus, and for each matched exchange the themes
 * coded wrongly with the text around the wording that gave a spurious theme. Exchanges are paired
 * the way {@link ExtractionEvaluationTest} pairs them.
 */
@EnabledIfSystemProperty(named = "themes.breakdown", matches = "true")
class ThemeBreakdownTest {

    @Test
    void printsThemesPerThemeAndPerExchange() throws IOException {
        Map<String, ExtractionEvaluationTest.Prf> perTheme = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(ExtractionEvaluationTest.CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode art = ExtractionEvaluationTest.MAPPER.readTree(f.toFile());
            JsonNode gold = art.path("gold").path("exchanges");
            ArticleInput in = ExtractionEvaluationTest.input(art);
            List<ExtractedExchange> found = ExtractionEvaluationTest.EXTRACTOR.extract(in);
            JsonNode pred = ExtractionEvaluationTest.MAPPER.valueToTree(found);
            for (int[] pg : ExtractionEvaluationTest.pairs(pred, gold)) {
                Set<String> pt = themes(pred.get(pg[0]));
                Set<String> gt = themes(gold.get(pg[1]));
                for (String t : union(pt, gt)) {
                    perTheme.computeIfAbsent(t, k -> new ExtractionEvaluationTest.Prf()).add(pt.contains(t) ? Set.of(t) : Set.of(),
                            gt.contains(t) ? Set.of(t) : Set.of());
                }
                if (!pt.equals(gt)) {
                    Set<String> extra = new TreeSet<>(pt);
                    extra.removeAll(gt);
                    Set<String> missing = new TreeSet<>(gt);
                    missing.removeAll(pt);
                    lines.add(art.path("id").asText() + "#" + pg[1] + " extra " + extra + " missing " + missing);
                    String text = art.path("text").asText();
                    for (ExtractedExchange.Evidence e : found.get(pg[0]).evidence()) {
                        if (e.field().equals("themes") && e.start() >= 0) {
                            lines.add("      [" + e.text() + "] …" + text.substring(Math.max(0, e.start() - 70),
                                    Math.min(text.length(), e.end() + 50)).replace('\n', ' ') + "…");
                        }
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder("\nThemes per theme (whole corpus)\n");
        perTheme.forEach((t, v) -> sb.append(String.format("  %-28s tp %3d fp %3d fn %3d%n", t, v.tp, v.fp, v.fn)));
        lines.forEach(l -> sb.append("  ").append(l).append('\n'));
        System.out.println(sb);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static Set<String> themes(JsonNode e) {
        Set<String> out = new HashSet<>();
        e.path("themes").forEach(t -> out.add(t.asText()));
        return out;
    }
}
