package org.liaison.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An exchange as one flat row, for CSV and terminal tables (the list and the export): list
 * fields joined by "; ", localities split by role.
 */
public final class ExchangeRow {

    public static final List<String> COLUMNS = List.of("id", "key", "date", "end_date", "date_precision", "format", "kind",
            "venue", "level", "status", "participants", "participant_localities", "venue_localities",
            "mentioned_localities", "themes", "sources", "notes");

    private ExchangeRow() {
    }

    public static Map<String, Object> of(ExchangeView v) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", v.id());
        row.put("key", v.key());
        row.put("date", v.date());
        row.put("end_date", v.endDate());
        row.put("date_precision", v.datePrecision());
        row.put("format", v.format());
        row.put("kind", v.kind());
        row.put("venue", v.venue() == null ? null : v.venue().code());
        row.put("level", v.level());
        row.put("status", v.status());
        row.put("participants", v.participants().stream().map(p -> p.name() + " (" + p.side() + ")")
                .collect(Collectors.joining("; ")));
        for (String role : Codebook.ROLES) {
            row.put(role + "_localities", v.localities().stream().filter(l -> l.role().equals(role))
                    .map(ExchangeView.LocalityRole::code).collect(Collectors.joining("; ")));
        }
        row.put("themes", String.join("; ", v.themes()));
        row.put("sources", v.sources().stream().map(ExchangeView.Source::url).collect(Collectors.joining("; ")));
        row.put("notes", v.notes());
        return row;
    }
}
