package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
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

    /** The masks' and cues' open-ended parts ("Ministry of …", "congratulated … on") stay linear on one huge word. */
    @Test
    void aHugeWordAfterAMaskStartIsReadInLinearTime() {
        String word = "Ecolog" + "a".repeat(40_000);
        String text = "Dinh Tien Dung met Wang Huning in Beijing on September 28. Wang congratulated the Ministry of " + word
                + " on its achievements " + word + ". Since " + word + " they agreed to promote tourism.";
        long t0 = System.nanoTime();
        List<ExtractedExchange> found = Pipeline.extract(text, "2024-10-01");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(found.isEmpty(), "an exchange");
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }
}
