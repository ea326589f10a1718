package org.liaison.exchange;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.liaison.gazetteer.LocalityRef;

/** An exchange as the API returns it; the same shape re-imports through POST or NDJSON import. */
@RegisterForReflection
public record ExchangeView(
        UUID id,
        String key,
        LocalDate date,
        LocalDate endDate,
        String datePrecision,
        String format,
        String kind,
        LocalityRef venue,
        String level,
        String status,
        String notes,
        List<Participant> participants,
        List<LocalityRole> localities,
        List<String> themes,
        List<Source> sources,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    public record Participant(String name, String side, String titles, String organisation, LocalityRef locality) {
    }

    public record LocalityRole(String code, String name, String country, String role) {
    }

    public record Source(String url, String outlet, String title, LocalDate published, String language) {
    }
}
