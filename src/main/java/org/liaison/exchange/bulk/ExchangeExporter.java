package org.liaison.exchange.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.liaison.exchange.ExchangeFilter;
import org.liaison.exchange.ExchangeRepository;
import org.liaison.exchange.ExchangeRow;
import org.liaison.exchange.ExchangeView;
import org.liaison.web.Csv;

/**
 * Streams the (filtered, sorted) dataset page by page, so memory does not grow with the
 * dataset. NDJSON lines have the import's shape (an export re-imports to the same data); JSON
 * is one array of the same objects; CSV has one {@link ExchangeRow} per exchange.
 */
@ApplicationScoped
public class ExchangeExporter {

    static final int PAGE = 500;

    private final ExchangeRepository repository;
    private final ObjectMapper mapper;

    public ExchangeExporter(ExchangeRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    public Multi<String> ndjson(ExchangeFilter filter, String sort) {
        return pages(filter, sort).map(v -> json(v) + "\n");
    }

    public Multi<String> jsonArray(ExchangeFilter filter, String sort) {
        AtomicBoolean first = new AtomicBoolean(true);
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item("["),
                pages(filter, sort).map(v -> (first.getAndSet(false) ? "\n" : ",\n") + json(v)),
                Multi.createFrom().item("\n]\n"));
    }

    public Multi<String> csv(ExchangeFilter filter, String sort) {
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(Csv.line(ExchangeRow.COLUMNS)),
                pages(filter, sort).map(v -> Csv.line(new ArrayList<>(ExchangeRow.of(v).values()))));
    }

    private Multi<ExchangeView> pages(ExchangeFilter filter, String sort) {
        AtomicReference<ExchangeRepository.Cursor> last = new AtomicReference<>();
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().deferred(() -> repository.pageAfter(filter, sort, last.get(), PAGE)
                        .invoke(page -> last.set(page.last()))))
                .whilst(page -> page.items().size() == PAGE)
                .onItem().transformToIterable(ExchangeRepository.ExportPage::items);
    }

    private String json(ExchangeView v) {
        try {
            return mapper.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
