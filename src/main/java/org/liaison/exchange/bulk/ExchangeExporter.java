package org.liaison.exchange.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.liaison.exchange.ExchangeFilter;
import org.liaison.exchange.ExchangeRepository;
import org.liaison.exchange.ExchangeView;
import org.liaison.web.Csv;

/**
 * Streams the (filtered) dataset page by page, so memory does not grow with the dataset.
 * NDJSON lines have the import's shape (an export re-imports to the same data); CSV has one row
 * per exchange with list fields joined by "; " for spreadsheets.
 */
@ApplicationScoped
public class ExchangeExporter {

    static final int PAGE = 500;
    public static final List<String> CSV_HEADER = List.of("id", "key", "date", "end_date", "date_precision", "format", "kind",
            "venue", "level", "status", "participants", "participant_localities", "venue_localities",
            "mentioned_localities", "themes", "sources", "notes");

    @Inject
    ExchangeRepository repository;
    @Inject
    ObjectMapper mapper;

    public Multi<String> ndjson(ExchangeFilter filter) {
        return pages(filter).map(this::json);
    }

    public Multi<String> csv(ExchangeFilter filter) {
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(Csv.line(CSV_HEADER)),
                pages(filter).map(ExchangeExporter::csvRow));
    }

    private Multi<ExchangeView> pages(ExchangeFilter filter) {
        long[] last = { 0 };
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().deferred(() -> repository.pageAfter(filter, last[0], PAGE, last)))
                .whilst(page -> page.size() == PAGE)
                .onItem().transformToIterable(page -> page);
    }

    private String json(ExchangeView v) {
        try {
            return mapper.writeValueAsString(v) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csvRow(ExchangeView v) {
        List<Object> cells = new ArrayList<>();
        cells.add(v.id());
        cells.add(v.key());
        cells.add(v.date());
        cells.add(v.endDate());
        cells.add(v.datePrecision());
        cells.add(v.format());
        cells.add(v.kind());
        cells.add(v.venue() == null ? null : v.venue().code());
        cells.add(v.level());
        cells.add(v.status());
        cells.add(v.participants().stream().map(p -> p.name() + " (" + p.side() + ")").collect(Collectors.joining("; ")));
        for (String role : List.of("participant", "venue", "mentioned")) {
            cells.add(v.localities().stream().filter(l -> l.role().equals(role)).map(ExchangeView.LocalityRole::code)
                    .collect(Collectors.joining("; ")));
        }
        cells.add(String.join("; ", v.themes()));
        cells.add(v.sources().stream().map(ExchangeView.Source::url).collect(Collectors.joining("; ")));
        cells.add(v.notes());
        return Csv.line(cells);
    }
}
