package org.liaison.article.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.people.PeopleDirectory;
import org.liaison.text.AliasKey;

/** Names by their folded key (place names of the gazetteer, people of the people table), found in a text longest first. */
public final class NameIndex<T> {

    /** A name found: what it names and its span in the folded text. */
    public record Hit<T>(T value, int start, int end) {
    }

    private final Map<String, T> names;
    private final int maxTokens;
    /** The longest key: a run of words longer than it names nothing, however long a hostile token is. */
    private final int maxLength;

    private NameIndex(Map<String, T> names) {
        this.names = names;
        int max = 1;
        int longest = 0;
        for (String key : names.keySet()) {
            max = Math.max(max, key.split(" ").length);
            longest = Math.max(longest, key.length());
        }
        this.maxTokens = max;
        this.maxLength = longest;
    }

    /** Every name of every unit; a name both countries use keeps both units. */
    public static NameIndex<List<Locality>> places(Gazetteer gazetteer) {
        Map<String, List<Locality>> names = new HashMap<>();
        for (Locality l : gazetteer.all()) {
            for (String name : Gazetteer.names(l)) {
                List<Locality> list = names.computeIfAbsent(AliasKey.fold(name), k -> new ArrayList<>());
                if (!list.contains(l)) {
                    list.add(l);
                }
            }
        }
        return new NameIndex<>(names);
    }

    /** Every alias of every person; the first person keeps an alias two people share. */
    public static NameIndex<PeopleDirectory.Seed> people(PeopleDirectory people) {
        Map<String, PeopleDirectory.Seed> names = new HashMap<>();
        for (PeopleDirectory.Seed s : people.seeds()) {
            for (String alias : s.aliases()) {
                names.putIfAbsent(AliasKey.fold(alias), s);
            }
        }
        return new NameIndex<>(names);
    }

    public boolean contains(String foldedKey) {
        return names.containsKey(foldedKey);
    }

    /** What a folded key names, or null. */
    public T get(String foldedKey) {
        return names.get(foldedKey);
    }

    /**
     * The names in a folded text, longest match first, of {@code minTokens} words or more;
     * {@code capitalised}: proper names only, the original must start with a capital ("Long An",
     * not "long an").
     */
    public List<Hit<T>> hits(Folded f, int minTokens, boolean capitalised) {
        return hits(f, minTokens, capitalised, (a, b) -> false);
    }

    /** Whether a sentence ends between two folded offsets. */
    @FunctionalInterface
    public interface SentenceEnd {
        boolean between(int from, int to);
    }

    /**
     * As {@link #hits(Folded, int, boolean)}, no name running across a sentence's end ("... sang Việt Nam. Ninh Bình ..."
     * holds Ninh Bình, not "Nam Ninh").
     */
    public List<Hit<T>> hits(Folded f, int minTokens, boolean capitalised, SentenceEnd sentenceEnd) {
        List<Hit<T>> out = new ArrayList<>();
        List<Folded.Token> tokens = f.tokens;
        String[] keys = new String[maxTokens + 1];
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.get(i).start();
            if (capitalised && !Character.isUpperCase(f.original.charAt(f.start(start)))) {
                continue;
            }
            // the keys of 1, 2, ... words from here, built once each, as long as a name can be
            int longest = 0;
            StringBuilder key = new StringBuilder();
            for (int n = 1; n <= Math.min(maxTokens, tokens.size() - i); n++) {
                // "pu'er": a token keeps its apostrophe, the folded keys of the names do not ("Pu'er" -> "pu er")
                String word = tokens.get(i + n - 1).text().replace('\'', ' ');
                if (key.length() + (n == 1 ? 0 : 1) + word.length() > maxLength
                        || n > 1 && sentenceEnd.between(start, tokens.get(i + n - 1).start())) {
                    break;
                }
                key.append(n == 1 ? "" : " ").append(word);
                keys[n] = key.toString();
                longest = n;
            }
            for (int n = longest; n >= minTokens; n--) {
                T hit = names.get(keys[n]);
                if (hit == null) {
                    continue;
                }
                out.add(new Hit<>(hit, start, tokens.get(i + n - 1).end()));
                i += n - 1;
                break;
            }
        }
        return out;
    }
}
