package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.liaison.article.extract.ExtractedExchange;

/** The themes of an article's main exchange, through the whole pipeline. */
class ThemeCodingTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/theme-examples.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void codesTheThemesOfTheTable(String text, String expected) {
        List<ExtractedExchange> found = Pipeline.extract(text, "2024-10-01");
        assertFalse(found.isEmpty(), "an exchange");
        assertEquals(new TreeSet<>(Pipeline.list(expected)), new TreeSet<>(found.get(0).themes()));
    }
}
