package org.liaison.article.extract.stage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ArticleExtractor;
import org.liaison.article.extract.ArticleInput;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.people.PeopleDirectory;
import org.liaison.theme.ThemeVocabulary;

/** The extractor the stage tests share, with "today" fixed at 2025-01-15, and the table cells' conventions. */
final class Pipeline {

    static final LocalDate TODAY = LocalDate.of(2025, 1, 15);
    static final ArticleExtractor EXTRACTOR = new ArticleExtractor(new Gazetteer(), new PeopleDirectory(), new ThemeVocabulary(),
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    private Pipeline() {
    }

    /** A table's text: "\n" written as a backslash and n. */
    static String text(String cell) {
        return cell.replace("\\n", "\n");
    }

    /** The article through the stages; {@code published} may be null or blank (then "today" is the reference). */
    static ArticleDoc annotate(String text, String published) {
        return EXTRACTOR.annotate(input(text, published));
    }

    static List<ExtractedExchange> extract(String text, String published) {
        return EXTRACTOR.extract(input(text, published));
    }

    private static ArticleInput input(String text, String published) {
        return new ArticleInput(null, null, published == null || published.isBlank() ? null : published, null, null, text(text));
    }

    /** A "|"-separated cell as a list; "-" or empty for none. */
    static List<String> list(String cell) {
        if (cell == null || cell.isBlank() || cell.strip().equals("-")) {
            return List.of();
        }
        return List.of(cell.split("\\s*\\|\\s*")).stream().map(String::strip).toList();
    }
}
