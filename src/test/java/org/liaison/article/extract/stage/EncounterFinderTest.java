package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.Encounters;

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
}
