package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.liaison.article.extract.ArticleDoc;

class PlaceFinderTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/places.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void findsThePlacesOfTheTable(String text, String expected) {
        ArticleDoc doc = Pipeline.annotate(text, "2024-01-01");
        assertEquals(Pipeline.list(expected), doc.places().stream()
                .map(p -> p.locality().name() + " (" + p.locality().country() + ")" + (p.dateline() ? "*" : "")).toList());
    }
}
