package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.Encounters;
import org.liaison.article.extract.ExtractedExchange;

class EncounterFinderTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/encounters.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void findsTheEncountersOfTheTable(String text, String expected) {
        ArticleDoc doc = Pipeline.annotate(text, "2024-01-01");
        List<String> found = new ArrayList<>();
        Encounters e = doc.encounters();
        if (e != null) {
            if (e.main() != null) {
                found.add(String.valueOf(e.main().focusSentence()));
            }
            e.clauses().forEach(c -> found.add(String.valueOf(c.sentence())));
        }
        assertEquals(Pipeline.list(expected), found);
        assertEquals(found.size(), Pipeline.extract(text, "2024-01-01").size(), "one exchange per encounter");
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/further-exchanges.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void codesWhatAFurtherClauseLeavesImplicit(String text, String published, int which, String date, String precision, String venue,
            String participants) {
        List<ExtractedExchange> found = Pipeline.extract(text, published);
        ExtractedExchange e = found.get(which);
        assertEquals(date, e.date());
        assertEquals(precision, e.datePrecision());
        assertEquals(venue.equals("-") ? null : venue, e.venue() == null ? null : e.venue().name());
        assertEquals(new java.util.TreeSet<>(Pipeline.list(participants)),
                new java.util.TreeSet<>(e.participants().stream().map(ExtractedExchange.Participant::name).toList()));
    }

    /** The kind of a further exchange: its own clause's, not that of the meeting its sequence marker names. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/further-kinds.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void codesTheKindOfAFurtherExchange(String text, String published, int which, String kind) {
        assertEquals(kind, Pipeline.extract(text, published).get(which).kind());
    }

    /** The participant localities of a further exchange, including those its people act for without the clause naming them. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/further-localities.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void codesTheLocalitiesOfAFurtherExchange(String text, String published, int which, String localities) {
        ExtractedExchange e = Pipeline.extract(text, published).get(which);
        assertEquals(new java.util.TreeSet<>(Pipeline.list(localities)), new java.util.TreeSet<>(e.localities().stream()
                .filter(l -> l.role().equals("participant")).map(ExtractedExchange.LocalityRole::name).toList()));
    }
}
