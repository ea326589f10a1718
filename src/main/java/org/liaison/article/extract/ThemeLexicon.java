package org.liaison.article.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.liaison.reference.TsvFile;
import org.liaison.theme.ThemeVocabulary;

/** The bilingual wordings of each theme ({@code extraction/themes.tsv}), checked against the vocabulary. */
public final class ThemeLexicon {

    public static final String FILE = "extraction/themes.tsv";

    public record Wording(String theme, String language, Pattern pattern) {
    }

    public final List<Wording> wordings = new ArrayList<>();

    public ThemeLexicon(ThemeVocabulary vocabulary) {
        for (TsvFile.Row row : TsvFile.read(FILE, 3, 3)) {
            if (vocabulary.byCode(row.cell(0)) == null) {
                throw row.error("unknown theme '" + row.cell(0) + "'");
            }
            if (!List.of("en", "vi", "*").contains(row.cell(1))) {
                throw row.error("language must be en, vi or *");
            }
            try {
                wordings.add(new Wording(row.cell(0), row.cell(1),
                        Pattern.compile(row.cell(2), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            } catch (PatternSyntaxException e) {
                throw row.error("invalid pattern: " + e.getDescription());
            }
        }
    }
}
