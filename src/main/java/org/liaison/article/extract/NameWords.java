package org.liaison.article.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.liaison.reference.ReferenceDataException;
import org.liaison.reference.TsvFile;

/**
 * The words around people's names ({@code extraction/names.tsv}): title words that mark a name
 * as a person's, capitalised institution words that make a capitalised run no name, and words a
 * name stops at.
 */
public final class NameWords {

    public static final String FILE = "extraction/names.tsv";
    private static final List<String> CATEGORIES = List.of("title", "institution", "not_name");
    private static final Pattern FOLDED_WORD = Pattern.compile("[a-z][a-z' ]*");
    private static final Pattern WRITTEN_WORD = Pattern.compile("\\p{L}+");

    private final Pattern titleWord;
    private final Set<String> institutionWords = new HashSet<>();
    private final Set<String> notNameWords = new HashSet<>();

    public NameWords() {
        this(FILE);
    }

    /** From another resource (tests of the validation). */
    NameWords(String resource) {
        Map<String, Set<String>> byCategory = new HashMap<>();
        StringBuilder titles = new StringBuilder();
        for (TsvFile.Row row : TsvFile.read(resource, 2, 2)) {
            String category = row.cell(0);
            if (!CATEGORIES.contains(category)) {
                throw row.error("unknown category '" + category + "'; expected one of " + CATEGORIES);
            }
            Pattern shape = category.equals("institution") ? WRITTEN_WORD : FOLDED_WORD;
            for (String w : TsvFile.list(row.cell(1))) {
                if (!shape.matcher(w).matches()) {
                    throw row.error("'" + w + "' is not a " + (category.equals("institution")
                            ? "word (letters only, written as in the text)" : "folded word (lower case, no diacritics)"));
                }
                if (byCategory.computeIfAbsent(category, k -> new HashSet<>()).add(w) && category.equals("title")) {
                    titles.append(titles.length() == 0 ? "" : "|").append(Pattern.quote(w));
                }
            }
        }
        for (String required : CATEGORIES) {
            if (!byCategory.containsKey(required)) {
                throw new ReferenceDataException(resource + ": no words of category '" + required + "'");
            }
        }
        this.titleWord = Pattern.compile("\\b(" + titles + ")\\b");
        this.institutionWords.addAll(byCategory.get("institution"));
        this.notNameWords.addAll(byCategory.get("not_name"));
    }

    /** A title word ("secretary", "bí thư") in a folded text. */
    public boolean hasTitle(String foldedText) {
        return titleWord.matcher(foldedText).find();
    }

    /** "Đảng", "Trưởng": words of institutions that look like family names once diacritics are gone. */
    public boolean isInstitutionWord(String word) {
        return institutionWords.contains(word);
    }

    /** "party", "committee", "vietnam": a folded word a person's name stops at. */
    public boolean isNotNameWord(String foldedWord) {
        return notNameWords.contains(foldedWord);
    }
}
