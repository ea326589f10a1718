package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.liaison.article.extract.ExtractedExchange;

/** The venue (told, or the host locality's) and the participant localities of one exchange, through the whole pipeline. */
class VenueAndRolesTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/venues.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void codesAsTheTableSays(String text, String published, String venue, String participants) {
        List<ExtractedExchange> found = Pipeline.extract(text, published.equals("-") ? null : published);
        assertEquals(1, found.size(), "one exchange");
        ExtractedExchange e = found.get(0);
        assertEquals(venue, e.venue() == null ? "-" : e.venue().name(), "venue");
        Set<String> got = e.localities().stream().filter(l -> l.role().equals("participant")).map(ExtractedExchange.LocalityRole::name)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(Pipeline.list(participants)), got, "participant localities");
    }
}
