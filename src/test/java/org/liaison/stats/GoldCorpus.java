package org.liaison.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The gold exchanges of the development corpus, read straight from the article files (not from
 * the service or the demo NDJSON), with the reports of one exchange merged as the codebook says.
 * The analytics tests compute their expected figures from this.
 */
final class GoldCorpus {

    static final Path DIR = Path.of("src/test/resources/corpus/dev");

    record Exchange(String date, String precision, String format, String level, Set<String> themes,
            Set<String> participants, Set<String> participantLocalities) {
        String year() {
            return date.substring(0, 4);
        }

        /** Some participant or participant locality of each side, as the service requires. */
        boolean bilateral() {
            Set<String> sides = new java.util.HashSet<>();
            participants.forEach(p -> sides.add(p.substring(p.lastIndexOf('|') + 1)));
            participantLocalities.forEach(l -> sides.add(l.substring(l.lastIndexOf('|') + 1)));
            return sides.contains("VN") && sides.contains("CN");
        }
    }

    static List<Exchange> exchanges() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> articles = new HashMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode a = mapper.readTree(f.toFile());
                articles.put(a.path("id").asText(), a);
            }
            Map<String, List<String>> groupOf = new HashMap<>();
            for (String line : Files.readAllLines(DIR.resolveSibling("same-exchange.tsv"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> members = List.of(line.strip().split("\t"));
                members.forEach(m -> groupOf.put(m, members));
            }
            List<Exchange> out = new ArrayList<>();
            Set<String> done = new LinkedHashSet<>();
            for (String id : articles.keySet().stream().sorted().toList()) {
                JsonNode gold = articles.get(id).path("gold").path("exchanges");
                for (int i = 0; i < gold.size(); i++) {
                    String member = id + ":" + i;
                    if (done.contains(member)) {
                        continue;
                    }
                    List<String> group = groupOf.getOrDefault(member, List.of(member));
                    done.addAll(group);
                    List<JsonNode> reports = new ArrayList<>();
                    for (String m : group) {
                        String[] p = m.split(":");
                        reports.add(articles.get(p[0]).path("gold").path("exchanges").get(Integer.parseInt(p[1])));
                    }
                    Exchange e = merge(reports);
                    if (e.bilateral()) { // the service refuses the others (README "Decisions")
                        out.add(e);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most precise report gives the date and format; lists are the union of all reports. */
    private static Exchange merge(List<JsonNode> reports) {
        List<String> order = List.of("day", "month", "year");
        JsonNode first = reports.stream()
                .min((a, b) -> order.indexOf(a.path("date_precision").asText()) - order.indexOf(b.path("date_precision").asText()))
                .orElseThrow();
        Set<String> themes = new LinkedHashSet<>();
        Set<String> people = new LinkedHashSet<>();
        Set<String> localities = new LinkedHashSet<>();
        for (JsonNode r : reports) {
            r.path("themes").forEach(t -> themes.add(t.asText()));
            r.path("participants").forEach(p -> people.add(p.path("name").asText() + "|" + p.path("side").asText()));
            r.path("localities").forEach(l -> {
                if (l.path("role").asText().equals("participant")) {
                    localities.add(l.path("name").asText() + "|" + l.path("country").asText());
                }
            });
        }
        return new Exchange(first.path("date").asText(), first.path("date_precision").asText(), first.path("format").asText(),
                localities.isEmpty() ? "central" : "locality", themes, people, localities);
    }

    private GoldCorpus() {
    }
}
