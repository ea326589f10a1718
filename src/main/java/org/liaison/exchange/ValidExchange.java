package org.liaison.exchange;

import java.time.LocalDate;
import java.util.List;

/** An exchange that passed validation, with every locality and theme resolved to its code. */
public record ValidExchange(
        String key,
        LocalDate date,
        LocalDate endDate,
        String datePrecision,
        String format,
        String kind,
        String venue,
        String level,
        String status,
        String notes,
        Integer version,
        List<Participant> participants,
        List<LocalityRole> localities,
        List<String> themes,
        List<Source> sources) {

    public ValidExchange withStatus(String other) {
        return new ValidExchange(key, date, endDate, datePrecision, format, kind, venue, level, other, notes, version,
                participants, localities, themes, sources);
    }

    /** {@code name} as given; the canonical person is resolved in the write transaction. */
    public record Participant(String name, String side, String titles, String organisation, String locality) {
    }

    public record LocalityRole(String code, String role) {
    }

    public record Source(String url, String outlet, String title, LocalDate published, String language) {
    }
}
