package org.liaison.ingest;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liaison.exchange.ExchangeInput;
import org.liaison.exchange.ExchangeService;
import org.liaison.exchange.ExchangeValidator;
import org.liaison.exchange.ValidExchange;
import org.liaison.web.FieldError;
import org.liaison.web.JsonErrors;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;

/**
 * NDJSON bulk import: one exchange per line, all or nothing. Every line is parsed and validated
 * before anything is written, and the writes run in one transaction, so a file with any bad line
 * writes nothing and the answer lists every bad line. Lines are matched to stored exchanges by
 * natural key: re-importing a file changes nothing.
 */
@ApplicationScoped
public class ExchangeImporter {

    public static final int MAX_LINES = 200_000;
    static final int MAX_REPORTED_ERRORS = 1000;

    @Inject
    ObjectMapper mapper;
    @Inject
    ExchangeValidator validator;
    @Inject
    ExchangeService exchanges;
    @Inject
    Pool pool;

    @RegisterForReflection
    public record ImportResult(int lines, int created, int updated, int unchanged) {
    }

    /** Exchanges written per batch: a few statements each, whatever the batch size. */
    static final int BATCH = 2000;

    public Uni<ImportResult> importNdjson(String body) {
        // Parsing and validating 100,000 lines is CPU work: off the event loop.
        return Uni.createFrom().item(() -> parse(body)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(this::write);
    }

    private record Parsed(int lines, List<ValidExchange> valid, List<Integer> lineNumbers) {
    }

    /** Every line parsed and validated before anything is written; any bad line rejects the file. */
    private Parsed parse(String body) {
        List<ValidExchange> valid = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String text = body == null ? "" : body;
        int count = 0;
        // line by line over the body, not split(): a 100,000-line file is not copied once more
        for (int i = 0, start = 0; start < text.length(); i++) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            if (++count > MAX_LINES) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "At most " + MAX_LINES + " lines per import; split the file");
            }
            int n = i + 1;
            ExchangeInput input;
            try {
                input = mapper.readValue(line, ExchangeInput.class);
            } catch (JsonProcessingException e) {
                errors.add(JsonErrors.fieldError(e).atLine(n));
                continue;
            }
            List<FieldError> lineErrors = new ArrayList<>();
            ValidExchange v = validator.validate(input, lineErrors);
            if (lineErrors.isEmpty()) {
                valid.add(v);
                lineNumbers.add(n);
            } else {
                lineErrors.forEach(e -> errors.add(e.atLine(n)));
            }
        }
        if (count == 0) {
            throw new ProblemException(ProblemType.VALIDATION, "The file has no exchange; send one JSON object per line",
                    List.of(FieldError.of("body", null, "empty")));
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        return new Parsed(count, valid, lineNumbers);
    }

    /** One transaction; batches of {@link #BATCH} exchanges, each a few multi-row statements. */
    private Uni<ImportResult> write(Parsed p) {
        return pool.withTransaction(tx -> {
            Map<String, Integer> seen = new HashMap<>();
            int[] counts = new int[3];
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int from = 0; from < p.valid().size(); from += BATCH) {
                int to = Math.min(from + BATCH, p.valid().size());
                List<ValidExchange> batch = p.valid().subList(from, to);
                List<Integer> lines = p.lineNumbers().subList(from, to);
                chain = chain.chain(() -> exchanges.upsertAll(tx, batch, lines, seen)
                        .onFailure(ProblemException.class).transform(e -> rejected(((ProblemException) e).problem().errors()))
                        .invoke(o -> {
                            counts[0] += o.created();
                            counts[1] += o.updated();
                            counts[2] += o.unchanged();
                        })
                        .replaceWithVoid());
            }
            return chain.map(x -> new ImportResult(p.lines(), counts[0], counts[1], counts[2]));
        }).invoke(result -> {
            if (result.created() + result.updated() > 0) {
                exchanges.changed();
            }
        });
    }

    private static ProblemException rejected(List<FieldError> errors) {
        List<FieldError> shown = errors.size() > MAX_REPORTED_ERRORS ? errors.subList(0, MAX_REPORTED_ERRORS) : errors;
        long lines = errors.stream().map(FieldError::line).distinct().count();
        return new ProblemException(ProblemType.VALIDATION, lines + " line(s) are invalid; nothing was imported"
                + (shown.size() < errors.size() ? " (first " + shown.size() + " of " + errors.size() + " errors listed)" : ""),
                shown);
    }
}
