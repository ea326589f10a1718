package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.liaison.article.extract.ExtractedExchange;

/** Who took part in an exchange, through the whole pipeline: tied to the encounter, not named in passing. */
class ParticipantsTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/participants.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void takesThoseWhoTookPart(String text, String published, String expected) {
        List<ExtractedExchange> found = Pipeline.extract(text, published);
        assertEquals(Pipeline.list(expected), found.isEmpty() ? List.of()
                : found.get(0).participants().stream().map(p -> p.name() + " " + p.side()).toList(), text);
    }

    /** A further exchange told of "the delegation" alone: the head of the delegation takes part (names sorted). */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/delegation-heads.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void takesTheHeadOfTheDelegation(String text, String published, int exchange, String expected) {
        List<ExtractedExchange> found = Pipeline.extract(text, published);
        List<String> names = found.size() <= exchange ? List.of()
                : found.get(exchange).participants().stream().map(ExtractedExchange.Participant::name).sorted().toList();
        assertEquals(Pipeline.list(expected).stream().sorted().toList(), names, text);
    }
}
