package org.liaison.article.extract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.liaison.gazetteer.LocalityRef;

/**
 * One exchange found in an article, coded per the codebook, with the evidence for each field: the
 * shape of a POST /api/exchanges body (a participant's locality as a stored record gives it),
 * plus {@code evidence} and {@code confidence}, which POST accepts and ignores.
 */
@RegisterForReflection
public record ExtractedExchange(
        String date,
        String endDate,
        String datePrecision,
        String format,
        String kind,
        LocalityRef venue,
        String level,
        List<Participant> participants,
        List<LocalityRole> localities,
        List<String> themes,
        List<Evidence> evidence,
        double confidence) {

    @RegisterForReflection
    public record Participant(String name, String side, String titles, String organisation, LocalityRef locality) {
    }

    @RegisterForReflection
    public record LocalityRole(String code, String name, String country, String role) {
    }

    /**
     * A span of the article text ({@code start}, {@code end}: character offsets) that supports a field;
     * -1, -1 for a match in text joined in from elsewhere (the title).
     */
    @RegisterForReflection
    public record Evidence(String field, String text, int start, int end) {
    }
}
