package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.liaison.article.extract.ExtractedExchange;

/** Kind, format and date choice of one exchange, through the whole pipeline. */
class ExchangeCodingTest {

    @ParameterizedTest(name = "{0} ({1})")
    @CsvFileSource(resources = "/extraction/exchanges.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void codesAsTheTableSays(String text, String published, String kind, String format, String date, String precision) {
        List<ExtractedExchange> found = Pipeline.extract(text, published.equals("-") ? null : published);
        assertEquals(1, found.size(), "one exchange");
        ExtractedExchange e = found.get(0);
        assertEquals(List.of(kind, format, date, precision), List.of(e.kind(), e.format(), e.date(), e.datePrecision()));
    }
}
