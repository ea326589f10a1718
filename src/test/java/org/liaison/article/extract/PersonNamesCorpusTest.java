package org.liaison.article.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.people.PeopleDirectory;
import org.liaison.text.AliasKey;

/**
 * Runs {@link PersonNames} over every article of the development corpus and measures the recall
 * of gold participants whose name (or an alias of it in the people table) is written in the
 * text, and counts the names it returns that are no gold participant (people merely mentioned:
 * expected, a later stage decides). Prints the figures and every miss.
 */
class PersonNamesCorpusTest {

    @Test
    void recallOfGoldParticipants() throws IOException {
        PersonNames names = new PersonNames(new Gazetteer());
        PeopleDirectory people = new PeopleDirectory();
        ObjectMapper mapper = new ObjectMapper();
        int gold = 0;
        int found = 0;
        int returned = 0;
        int extra = 0;
        List<String> misses = new ArrayList<>();
        Set<String> extras = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/corpus/dev"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        long started = System.nanoTime();
        for (Path file : files) {
            JsonNode article = mapper.readTree(file.toFile());
            String id = article.path("id").asText();
            String text = article.path("text").asText();
            String folded = " " + AliasKey.fold(text) + " ";
            List<NameMention> mentions = names.find(text);
            Set<String> foundKeys = new LinkedHashSet<>();
            for (NameMention m : mentions) {
                foundKeys.add(AliasKey.of(m.canonical()));
                foundKeys.add(AliasKey.of(m.written()));
                m.aliases().forEach(a -> foundKeys.add(AliasKey.of(a)));
            }
            Set<String> goldKeys = new LinkedHashSet<>();
            Set<Set<String>> goldPeople = new LinkedHashSet<>();
            for (JsonNode ex : article.path("gold").path("exchanges")) {
                for (JsonNode p : ex.path("participants")) {
                    Set<String> forms = forms(p.path("name").asText(), people);
                    goldKeys.addAll(forms.stream().map(AliasKey::of).toList());
                    goldPeople.add(forms);
                }
            }
            for (Set<String> forms : goldPeople) {
                boolean written = forms.stream().anyMatch(n -> folded.contains(" " + AliasKey.fold(n) + " "));
                if (!written) {
                    continue;
                }
                gold++;
                if (forms.stream().map(AliasKey::of).anyMatch(foundKeys::contains)) {
                    found++;
                } else {
                    misses.add(id + ": " + forms.iterator().next());
                }
            }
            for (NameMention m : mentions) {
                returned++;
                boolean isGold = goldKeys.contains(AliasKey.of(m.canonical())) || goldKeys.contains(AliasKey.of(m.written()))
                        || m.aliases().stream().map(AliasKey::of).anyMatch(goldKeys::contains);
                if (!isGold) {
                    extra++;
                    extras.add(id + ": " + m.written() + " [" + m.side() + ", " + m.cue() + (m.title().isEmpty() ? "" : ", " + m.title()) + "]");
                }
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        double recall = gold == 0 ? 1 : found / (double) gold;
        System.out.printf("PersonNames over %d articles (%d ms): recall %.3f (%d of %d gold participants written in the text); "
                + "%d names returned, %d not gold participants%n", files.size(), ms, recall, found, gold, returned, extra);
        misses.forEach(m -> System.out.println("  miss  " + m));
        extras.forEach(m -> System.out.println("  extra " + m));
        assertTrue(recall >= 0.95, "recall " + recall + " below 0.95");
    }

    /** The gold name and, when the people table knows the person, every alias of theirs. */
    private static Set<String> forms(String name, PeopleDirectory people) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(name);
        String key = AliasKey.of(name);
        for (PeopleDirectory.Seed s : people.seeds()) {
            if (AliasKey.of(s.name()).equals(key) || s.aliases().stream().anyMatch(a -> AliasKey.of(a).equals(key))) {
                forms.add(s.name());
                forms.addAll(s.aliases());
            }
        }
        return forms;
    }
}
