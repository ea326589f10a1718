package org.liaison.article.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.people.PeopleDirectory;
import org.liaison.reference.ReferenceDataException;
import org.liaison.theme.ThemeVocabulary;

class RuleBookTest {

    @Test
    void readsTheRulesOfRulesTsv() {
        RuleBook rules = new RuleBook();
        assertTrue(rules.pattern("venue.here").matcher("the two sides held talks here.").matches());
        assertTrue(rules.pattern("dates.month.9").matcher("sept").matches());
        // ${dates.months} is taken in: every month word of dates.month.N is a month of the date shapes
        assertTrue(rules.pattern("dates.en_month_day").matcher("on sept. 5, 2023").find());
        assertTrue(rules.pattern("dates.weekday_mention").matcher("sang thu bay").find());
        assertFalse(rules.pattern("dates.weekday_mention").matcher("thu bayx").find(), "whole words only");
    }

    @Test
    void aBadLineStopsStartupNamingFileAndLine() {
        assertEquals("extraction-bad/rules-pattern.tsv:3: invalid pattern for 'venue.here': Unclosed group near index 25",
                error("extraction-bad/rules-pattern.tsv"));
        assertEquals("extraction-bad/rules-duplicate.tsv:4: duplicate rule 'venue.visit' (first at line 2)",
                error("extraction-bad/rules-duplicate.tsv"));
        assertEquals("extraction-bad/rules-reference.tsv:2: '${dates.weekdays}' names no rule defined above it",
                error("extraction-bad/rules-reference.tsv"));
        assertEquals("extraction-bad/rules-name.tsv:2: rule name 'Venue Here' is not of the form group.name (lower case, dot-separated)",
                error("extraction-bad/rules-name.tsv"));
    }

    @Test
    void aRuleTheFileLacksStopsTheExtractorsConstruction() {
        RuleBook lacking = new RuleBook("extraction-bad/rules-missing.tsv");
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> new ArticleExtractor(new Gazetteer(),
                new PeopleDirectory(), new ThemeVocabulary(), Clock.systemUTC(), lacking));
        // the cue book is the first to need a rule the file lacks: its "earlier" cue takes in the close-of-talks wording
        assertTrue(e.getMessage().matches("extraction/cues\\.tsv:\\d+: '\\$\\{encounters\\.closing_en\\}' names no rule of extraction-bad/rules-missing\\.tsv"),
                e.getMessage());
        RuleBook withClosing = new RuleBook("extraction-bad/rules-missing-stage.tsv");
        e = assertThrows(ReferenceDataException.class, () -> new ArticleExtractor(new Gazetteer(),
                new PeopleDirectory(), new ThemeVocabulary(), Clock.systemUTC(), withClosing));
        // the sentence splitter found its rule; the publication date stage is the first to miss one
        assertEquals("extraction-bad/rules-missing-stage.tsv: no rule 'dates.iso', which the extractor needs", e.getMessage());
    }

    private static String error(String file) {
        return assertThrows(ReferenceDataException.class, () -> new RuleBook(file)).getMessage();
    }
}
