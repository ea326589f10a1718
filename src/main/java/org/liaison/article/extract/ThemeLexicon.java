package org.liaison.article.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.liaison.reference.TsvFile;
import org.liaison.theme.ThemeVocabulary;

/**
 * The bilingual wordings of each theme ({@code extraction/themes.tsv}), checked against the
 * vocabulary, and the two kinds of rows that are not a theme: wordings that look like a theme's
 * but name something else (a body's or a post's name, page furniture), and the cues of a sentence
 * that reports what the sides discussed.
 */
public final class ThemeLexicon {

    public static final String FILE = "extraction/themes.tsv";

    /** A span that never gives a theme (a domestic briefing's "socio-economic development", page furniture). */
    public static final String NOT_THEME = "not-theme";
    /** The name of a body or post ("Publicity Department", "Bộ Y tế"): masked when it starts with a capital letter. */
    public static final String BODY_NAME = "body-name";
    /** A cue that a sentence reports what the sides discussed, agreed, proposed, reviewed or praised, or what one of them said. */
    public static final String DISCUSSION = "discussion";
    /** A cue that a sentence tells what the sides did in earlier years ("since then", "thời gian qua"). */
    public static final String BACKGROUND = "background";

    /**
     * The folded text is lower case, so patterns are compiled without case folding, which makes
     * matching several times faster; an upper-case letter outside an escape would never match.
     */
    private static final Pattern ESCAPES = Pattern.compile("\\\\[pP]\\{[^}]*\\}|\\\\.");
    private static final Pattern UPPER_OUTSIDE_ESCAPES = Pattern.compile("[A-Z]");

    public record Wording(String theme, String language, Pattern pattern) {
    }

    /** {@code capitalised}: masks only where the original text starts the match with a capital letter. */
    public record Mask(Pattern pattern, String language, boolean capitalised) {
    }

    public final List<Wording> wordings = new ArrayList<>();
    public final List<Mask> masks = new ArrayList<>();
    public final List<Wording> discussionCues = new ArrayList<>();
    public final List<Wording> backgroundCues = new ArrayList<>();

    public ThemeLexicon(ThemeVocabulary vocabulary) {
        for (TsvFile.Row row : TsvFile.read(FILE, 3, 3)) {
            String kind = row.cell(0);
            boolean special = List.of(NOT_THEME, BODY_NAME, DISCUSSION, BACKGROUND).contains(kind);
            if (!special && vocabulary.byCode(kind) == null) {
                throw row.error("unknown theme '" + kind + "'");
            }
            if (!List.of("en", "vi", "*").contains(row.cell(1))) {
                throw row.error("language must be en, vi or *");
            }
            if (UPPER_OUTSIDE_ESCAPES.matcher(ESCAPES.matcher(row.cell(2)).replaceAll("")).find()) {
                throw row.error("patterns are lower case: they match the folded text, which is");
            }
            Pattern p;
            try {
                p = Pattern.compile(row.cell(2));
            } catch (PatternSyntaxException e) {
                throw row.error("invalid pattern: " + e.getDescription());
            }
            if (kind.equals(NOT_THEME) || kind.equals(BODY_NAME)) {
                masks.add(new Mask(p, row.cell(1), kind.equals(BODY_NAME)));
            } else if (kind.equals(DISCUSSION)) {
                discussionCues.add(new Wording(kind, row.cell(1), p));
            } else if (kind.equals(BACKGROUND)) {
                backgroundCues.add(new Wording(kind, row.cell(1), p));
            } else {
                wordings.add(new Wording(kind, row.cell(1), p));
            }
        }
        if (wordings.isEmpty()) {
            throw new org.liaison.reference.ReferenceDataException(FILE + ": no theme wordings");
        }
    }

    /** Whether one of the cues applying to {@code language} occurs in {@code [start, end)} of the folded text. */
    public static boolean any(List<Wording> cues, String language, String text, int start, int end) {
        for (Wording w : cues) {
            if (applies(w.language(), language) && w.pattern().matcher(text).region(start, end).useTransparentBounds(true).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a row of language {@code rowLanguage} applies to an article in {@code language}. */
    public static boolean applies(String rowLanguage, String language) {
        return rowLanguage.equals("*") || rowLanguage.equals(language);
    }
}
