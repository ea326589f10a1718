package org.liaison.article.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor over the development corpus and scores it the way
 * ../shared/tools/score-extraction.py scores the running service (same matching, same
 * metrics), printing per-field precision, recall and F1 and asserting the targets.
 */
class ExtractionEvaluationTest {

    static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    static final ObjectMapper MAPPER = new ObjectMapper();

    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase();
        d = d.replaceAll("\\b(tp|thanh pho|city|province|tinh|municipality|zhuang autonomous region|autonomous region)\\b", " ");
        return d.replaceAll("[^a-z0-9]", "");
    }

    static final class Prf {
        int tp;
        int fp;
        int fn;

        void add(Set<String> pred, Set<String> gold) {
            Set<String> both = new HashSet<>(pred);
            both.retainAll(gold);
            tp += both.size();
            fp += pred.size() - both.size();
            fn += gold.size() - both.size();
        }

        double[] f1() {
            double p = tp + fp == 0 ? (fn == 0 ? 1 : 0) : tp / (double) (tp + fp);
            double r = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
            return new double[] { p + r == 0 ? 0 : 2 * p * r / (p + r), p, r };
        }
    }

    static Set<String> participantLocalities(JsonNode e) {
        Set<String> out = new HashSet<>();
        e.path("localities").forEach(l -> {
            if (l.path("role").asText().equals("participant")) {
                out.add(norm(l.path("name").asText()));
            }
        });
        return out;
    }

    static Set<String> people(JsonNode e) {
        Set<String> out = new HashSet<>();
        e.path("participants").forEach(p -> out.add(norm(p.path("name").asText())));
        return out;
    }

    static double similarity(JsonNode p, JsonNode g) {
        double s = 0;
        String pd = p.path("date").asText("");
        String gd = g.path("date").asText("");
        if (pd.equals(gd)) {
            s += 2;
        } else if (pd.length() >= 7 && gd.length() >= 7 && pd.substring(0, 7).equals(gd.substring(0, 7))) {
            s += 1;
        }
        Set<String> gp = people(g);
        Set<String> pp = people(p);
        if (!gp.isEmpty()) {
            Set<String> both = new HashSet<>(gp);
            both.retainAll(pp);
            s += 2.0 * both.size() / gp.size();
        }
        Set<String> gl = participantLocalities(g);
        Set<String> pl = participantLocalities(p);
        if (!gl.isEmpty()) {
            Set<String> both = new HashSet<>(gl);
            both.retainAll(pl);
            s += both.size() / (double) gl.size();
        }
        return s;
    }

    /** Greedy one-to-one pairing of predicted and gold exchanges by similarity (at least 1.5), best first, as the scorer does. */
    static List<int[]> pairs(JsonNode pred, JsonNode gold) {
        List<double[]> cands = new ArrayList<>();
        for (int pi = 0; pi < pred.size(); pi++) {
            for (int gi = 0; gi < gold.size(); gi++) {
                cands.add(new double[] { similarity(pred.get(pi), gold.get(gi)), pi, gi });
            }
        }
        cands.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : x[1] != y[1] ? Double.compare(y[1], x[1]) : Double.compare(y[2], x[2]));
        Set<Integer> usedP = new HashSet<>();
        Set<Integer> usedG = new HashSet<>();
        List<int[]> pairs = new ArrayList<>();
        for (double[] c : cands) {
            if (c[0] < 1.5 || usedP.contains((int) c[1]) || usedG.contains((int) c[2])) {
                continue;
            }
            usedP.add((int) c[1]);
            usedG.add((int) c[2]);
            pairs.add(new int[] { (int) c[1], (int) c[2] });
        }
        return pairs;
    }

    record Report(Map<String, double[]> f1, Map<String, Double> accuracy, List<String> lines) {
    }

    static Report evaluate(Path corpus) throws IOException {
        return evaluate(corpus, id -> true);
    }

    /** Scores the articles of {@code corpus} whose id {@code include} accepts. */
    static Report evaluate(Path corpus, java.util.function.Predicate<String> include) throws IOException {
        Map<String, Prf> m = new LinkedHashMap<>();
        for (String k : List.of("exchanges", "participant_localities", "participants", "themes")) {
            m.put(k, new Prf());
        }
        Map<String, int[]> acc = new LinkedHashMap<>();
        for (String k : List.of("date", "format", "kind", "level", "venue")) {
            acc.put(k, new int[2]);
        }
        List<String> lines = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> include.test(p.getFileName().toString().replace(".json", ""))).sorted().toList();
        }
        for (Path f : files) {
            JsonNode art = MAPPER.readTree(f.toFile());
            JsonNode gold = art.path("gold").path("exchanges");
            JsonNode pred = MAPPER.valueToTree(EXTRACTOR.extract(input(art)));
            List<int[]> pairs = pairs(pred, gold);
            m.get("exchanges").tp += pairs.size();
            m.get("exchanges").fp += pred.size() - pairs.size();
            m.get("exchanges").fn += gold.size() - pairs.size();
            for (int[] pg : pairs) {
                JsonNode p = pred.get(pg[0]);
                JsonNode g = gold.get(pg[1]);
                m.get("participant_localities").add(participantLocalities(p), participantLocalities(g));
                m.get("participants").add(people(p), people(g));
                Set<String> pt = new HashSet<>();
                p.path("themes").forEach(t -> pt.add(t.asText()));
                Set<String> gt = new HashSet<>();
                g.path("themes").forEach(t -> gt.add(t.asText()));
                m.get("themes").add(pt, gt);
                for (String k : List.of("date", "format", "kind", "level")) {
                    acc.get(k)[1]++;
                    acc.get(k)[0] += p.path(k).asText("").equals(g.path(k).asText("")) ? 1 : 0;
                }
                acc.get("venue")[1]++;
                acc.get("venue")[0] += norm(p.path("venue").path("name").asText(null)).equals(norm(g.path("venue").path("name").asText(null))) ? 1 : 0;
                if (!p.path("date").asText().equals(g.path("date").asText()) || !participantLocalities(p).equals(participantLocalities(g))
                        || !norm(p.path("venue").path("name").asText(null)).equals(norm(g.path("venue").path("name").asText(null)))
                        || !people(p).equals(people(g)) || !p.path("kind").asText().equals(g.path("kind").asText())) {
                    lines.add(art.path("id").asText() + ": date " + p.path("date").asText() + "/" + g.path("date").asText()
                            + " kind " + p.path("kind").asText() + "/" + g.path("kind").asText()
                            + " venue " + p.path("venue").path("name").asText("-") + "/" + g.path("venue").path("name").asText("-")
                            + " locs " + participantLocalities(p) + "/" + participantLocalities(g)
                            + " people " + people(p) + "/" + people(g));
                }
            }
            if (pairs.size() != gold.size() || pairs.size() != pred.size()) {
                lines.add(art.path("id").asText() + ": gold " + gold.size() + " pred " + pred.size() + " matched " + pairs.size()
                        + (pred.size() > 0 ? " first pred " + pred.get(0).path("date").asText() + " " + people(pred.get(0)) : ""));
            }
        }
        Map<String, double[]> f1 = new LinkedHashMap<>();
        m.forEach((k, v) -> f1.put(k, v.f1()));
        Map<String, Double> accuracy = new LinkedHashMap<>();
        acc.forEach((k, v) -> accuracy.put(k, v[1] == 0 ? 0 : v[0] / (double) v[1]));
        return new Report(f1, accuracy, lines);
    }

    /** A corpus article as the extract endpoint receives it. */
    static ArticleInput input(JsonNode a) {
        return new ArticleInput(text(a, "url"), text(a, "outlet"), text(a, "published"), text(a, "language"), text(a, "title"),
                text(a, "text"));
    }

    static String text(JsonNode n, String field) {
        return n.path(field).isNull() || n.path(field).isMissingNode() ? null : n.path(field).asText();
    }

    /** The set the extractor was first built on (a…, s…) and the later set it was not tuned to (b…). */
    static final Path CORPUS = Path.of("src/test/resources/corpus/dev");

    static String print(String title, Report r) {
        StringBuilder sb = new StringBuilder("\n" + title + "\n");
        r.f1().forEach((k, v) -> sb.append(String.format("  %-24s F1 %.3f  P %.3f  R %.3f%n", k, v[0], v[1], v[2])));
        r.accuracy().forEach((k, v) -> sb.append(String.format("  %-24s %.3f%n", k + " accuracy", v)));
        r.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
        System.out.println(sb);
        return sb.toString();
    }

    @Test
    void meetsTheTargetsOnTheDevelopmentCorpus() throws IOException {
        String first = print("Extraction on the first development set (a, s)", evaluate(CORPUS, id -> !id.startsWith("b")));
        Report b = evaluate(CORPUS, id -> id.startsWith("b"));
        String later = print("Extraction on the later development set (b)", b);
        Report r = evaluate(CORPUS);
        String sb = print("Extraction on the whole development corpus", r) + first + later;
        // issue 14's bar: these on the whole corpus, and the later set (not built on) within 0.05 of them
        Map<String, Double> f1Targets = Map.of("exchanges", 0.93, "participant_localities", 0.93, "participants", 0.90, "themes", 0.85);
        Map<String, Double> accuracyTargets = Map.of("date", 0.95, "kind", 0.90, "venue", 0.90);
        f1Targets.forEach((k, t) -> {
            assertTrue(r.f1().get(k)[0] >= t, k + " F1 below " + t + sb);
            assertTrue(b.f1().get(k)[0] >= t - 0.05, k + " F1 on the later set below " + (t - 0.05) + sb);
        });
        accuracyTargets.forEach((k, t) -> {
            assertTrue(r.accuracy().get(k) >= t, k + " accuracy below " + t + sb);
            assertTrue(b.accuracy().get(k) >= t - 0.05, k + " accuracy on the later set below " + (t - 0.05) + sb);
        });
        for (String k : List.of("format", "level")) {
            assertTrue(r.accuracy().get(k) >= 0.90, k + sb);
        }
    }

    /** Reconstructed reports written for training (corpus/train, see its INDEX.md): tuned on with the dev corpus, held to the same bar. */
    static final Path TRAIN = Path.of("src/test/resources/corpus/train");

    @Test
    void meetsTheTargetsOnTheTrainingSet() throws IOException {
        Report r = evaluate(TRAIN);
        String sb = print("Extraction on the training set", r);
        Map.of("exchanges", 0.93, "participant_localities", 0.93, "participants", 0.90, "themes", 0.85)
                .forEach((k, t) -> assertTrue(r.f1().get(k)[0] >= t, k + " F1 below " + t + sb));
        Map.of("date", 0.95, "kind", 0.90, "venue", 0.90, "format", 0.90, "level", 0.90)
                .forEach((k, t) -> assertTrue(r.accuracy().get(k) >= t, k + " accuracy below " + t + sb));
    }

    @Test
    void aLongArticleIsHandledInReasonableTime() throws IOException {
        JsonNode art = MAPPER.readTree(Path.of("src/test/resources/corpus/dev/a007.json").toFile());
        StringBuilder text = new StringBuilder();
        while (text.length() < 190_000) {
            text.append(art.path("text").asText()).append("\n\n");
        }
        long t0 = System.nanoTime();
        List<ExtractedExchange> found = EXTRACTOR.extract(new ArticleInput(null, null, "2023-03-01", "vi", null, text.toString()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(!found.isEmpty(), "the repeated article still reports its exchange");
        // a generous bound: guards against quadratic blow-ups, not a speed measurement (see bench/)
        assertTrue(ms < 30_000, "took " + ms + " ms");
    }
}
