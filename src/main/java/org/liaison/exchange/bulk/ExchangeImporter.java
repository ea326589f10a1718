package org.liaison.exchange.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;
import org.liaison.LiaisonConfig;
import org.liaison.exchange.Actor;
import org.liaison.exchange.WriteTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.liaison.exchange.ExchangeService;
import org.liaison.exchange.ExchangeValidator;
import org.liaison.exchange.ValidExchange;
import org.liaison.web.FieldError;
import org.liaison.web.JsonErrors;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;

/**
 * NDJSON bulk import: one exchange per line, all or nothing. First the body is read to its end
 * (within liaison.imports.body-timeout) into a temporary file and every line is checked, without
 * a database connection: a slow or trickling client holds no lock and no pooled connection, and
 * a file with bad lines is answered 422 (every bad line listed) before anything is written. Then,
 * when it is the import's turn (at most liaison.imports.max-concurrent write at once), the file is
 * written in batches inside one transaction while the next batch is being parsed (Java parses
 * while the database writes; only a batch is in memory). A transaction that meets another
 * writer's (a deadlock, the same new key) is run again from the file. Lines are matched to stored
 * exchanges by natural key: re-importing a file changes nothing.
 */
@ApplicationScoped
public class ExchangeImporter {

    public static final int MAX_LINES = 200_000;
    /** Seconds a client told "too many imports" waits before it tries again. */
    static final int BUSY_RETRY_AFTER = 5;
    private static final Logger LOG = Logger.getLogger(ExchangeImporter.class);
    static final int MAX_REPORTED_ERRORS = 1000;

    private final ObjectMapper mapper;
    private final ExchangeValidator validator;
    private final ExchangeService exchanges;
    private final Pool pool;
    private final LiaisonConfig.Imports config;
    /** Imports reading, waiting or writing; and the turns to write. */
    private final Semaphore inProgress;
    private final Semaphore turns;

    public ExchangeImporter(ObjectMapper mapper, ExchangeValidator validator, ExchangeService exchanges, Pool pool, LiaisonConfig config) {
        this.mapper = mapper;
        this.validator = validator;
        this.exchanges = exchanges;
        this.pool = pool;
        this.config = config.imports();
        this.inProgress = new Semaphore(this.config.maxInProgress(), true);
        this.turns = new Semaphore(this.config.maxConcurrent(), true);
    }

    /** {@code importId}: the context of this import's rows in the audit trail. */
    @RegisterForReflection
    public record ImportResult(int lines, int created, int updated, int unchanged, java.util.UUID importId) {
    }

    /** Exchanges written per batch: a few statements each, whatever the batch size. */
    static final int BATCH = 2000;

    /**
     * Imports an NDJSON stream. Blocks until the import is committed or rolled back: call it on a
     * worker thread (the resource method is blocking), never on the event loop. Every record it
     * creates or changes is in the audit trail by {@code actor}, with the import's id (a new one
     * per request, in the answer) as context.
     */
    public ImportResult importNdjson(Reader body, Actor actor) {
        return importNdjson(body, actor, () -> {
        });
    }

    /**
     * As {@link #importNdjson(Reader, Actor)}; {@code bodyChecked} runs once the whole body has
     * arrived and every line is valid, before the writing starts (the resource lifts the HTTP idle
     * time-out there: nothing moves on the connection while a large import is written).
     */
    public ImportResult importNdjson(Reader body, Actor actor, Runnable bodyChecked) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("The import blocks while it reads its body: call it on a worker thread");
        }
        if (!inProgress.tryAcquire()) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, config.maxInProgress() + " imports are in progress "
                    + "(liaison.imports.max-in-progress); try again later", List.of(), BUSY_RETRY_AFTER);
        }
        Path spool = null;
        try {
            spool = Files.createTempFile("liaison-import-", ".ndjson");
            try (Writer copy = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                List<FieldError> errors = new ArrayList<>();
                long deadline = System.nanoTime() + config.bodyTimeout().toNanos();
                scan(body instanceof BufferedReader b ? b : new BufferedReader(body), copy, deadline, errors, (n, v) -> {
                });
                if (!errors.isEmpty()) {
                    throw rejected(errors);
                }
            }
            bodyChecked.run();
            return writeInTurn(spool, actor.inImport(java.util.UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException("The import's temporary file failed", e);
        } finally {
            inProgress.release();
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    LOG.warnf("Could not delete the import's temporary file %s: %s", spool, e.getMessage());
                }
            }
        }
    }

    private ImportResult writeInTurn(Path spool, Actor actor) throws IOException {
        boolean turn;
        try {
            turn = turns.tryAcquire(config.turnTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "Other imports kept every turn to write (liaison.imports."
                    + "max-concurrent) for " + config.turnTimeout().toSeconds() + " s; nothing was imported, try again later",
                    List.of(), BUSY_RETRY_AFTER);
        }
        try {
            for (int attempt = 0;; attempt++) {
                try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                    return write(in, actor);
                } catch (RuntimeException e) {
                    if (attempt >= WriteTransaction.RETRIES || !WriteTransaction.transientConflict(e)) {
                        Throwable answer = WriteTransaction.answer(e);
                        throw answer instanceof RuntimeException r ? r : e;
                    }
                    LOG.debugf("Import retried after %s", e.getMessage());
                    WriteTransaction.pause(attempt);
                }
            }
        } finally {
            turns.release();
        }
    }

    /** One attempt: the checked file written in one transaction. */
    private ImportResult write(BufferedReader in, Actor actor) {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction tx = connection.begin().await().indefinitely();
            ImportRun run = new ImportRun(connection, actor);
            try {
                ImportResult result = run.readAndWrite(in);
                exchanges.addToSummaries(connection, run.written).await().indefinitely();
                tx.commit().await().indefinitely();
                if (result.created() + result.updated() > 0) {
                    exchanges.changed();
                }
                return result;
            } catch (RuntimeException e) {
                try {
                    run.settle(); // no statement of this import may still be running at the rollback
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                try {
                    tx.rollback().await().indefinitely();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } finally {
            connection.close().await().indefinitely();
        }
    }

    /** What the body's decoder puts for bytes that are not UTF-8. */
    private static final char REPLACEMENT = '\uFFFD';

    /**
     * Reads NDJSON lines: a byte order mark before line 1 and blank lines are skipped, at most
     * {@link #MAX_LINES}; each line is parsed and validated, its errors (with its number) added to
     * {@code errors}, a valid one handed to {@code valid}. {@code copy}, when given, receives every
     * line as read. Returns the number of lines with content.
     */
    private int scan(BufferedReader in, Writer copy, long deadline, List<FieldError> errors, BiConsumer<Integer, ValidExchange> valid) {
        int count = 0;
        int n = 0;
        String line;
        while ((line = readLine(in)) != null) {
            n++;
            if (deadline != 0 && System.nanoTime() > deadline) {
                throw new ProblemException(ProblemType.REQUEST_TIMEOUT, "The body took longer than " + config.bodyTimeout().toSeconds()
                        + " s to arrive (liaison.imports.body-timeout); nothing was imported");
            }
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a UTF-8 byte order mark, as some editors write: not part of line 1
            }
            if (copy != null) {
                try {
                    copy.write(line);
                    copy.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("The import's temporary file failed", e);
                }
            }
            if (line.isBlank()) {
                continue;
            }
            if (++count > MAX_LINES) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "At most " + MAX_LINES + " lines per import; split the file");
            }
            if (line.indexOf(REPLACEMENT) >= 0) {
                // the body is decoded as UTF-8 with bytes that are not UTF-8 replaced by U+FFFD: such a line would be
                // stored with its letters lost (a Windows-1258 or Latin-1 file), so it is refused, by its number
                errors.add(new FieldError(n, "body", null, "not valid UTF-8: bytes of another encoding (or U+FFFD, the "
                        + "replacement character). Convert the file, e.g. iconv -f WINDOWS-1258 -t UTF-8"));
                continue;
            }
            JsonNode json;
            try {
                json = mapper.readTree(line);
            } catch (JsonProcessingException e) {
                errors.add(JsonErrors.fieldError(e).atLine(n));
                continue;
            }
            List<FieldError> lineErrors = new ArrayList<>();
            ValidExchange v = validator.validate(json, lineErrors);
            if (!lineErrors.isEmpty()) {
                int at = n;
                lineErrors.forEach(e -> errors.add(e.atLine(at)));
            } else if (errors.isEmpty()) {
                valid.accept(n, v);
            }
        }
        if (count == 0) {
            throw new ProblemException(ProblemType.VALIDATION, "The file has no exchange; send one JSON object per line",
                    List.of(FieldError.of("body", null, "empty")));
        }
        return count;
    }

    /** One import: the lines read so far, the batch being filled, and the batch being written. */
    private final class ImportRun {
        final SqlConnection connection;
        final Actor actor;
        final Map<String, Integer> seen = new ConcurrentHashMap<>();
        final List<FieldError> errors = new ArrayList<>();
        final List<Long> written = new ArrayList<>();
        final int[] counts = new int[3];
        List<ValidExchange> batch = new ArrayList<>(BATCH);
        List<Integer> batchLines = new ArrayList<>(BATCH);
        CompletableFuture<ExchangeService.BatchOutcome> inFlight;

        ImportRun(SqlConnection connection, Actor actor) {
            this.connection = connection;
            this.actor = actor;
        }

        ImportResult readAndWrite(BufferedReader in) {
            int count = scan(in, null, 0, errors, (n, v) -> {
                batch.add(v);
                batchLines.add(n);
                if (batch.size() == BATCH) {
                    flush();
                }
            });
            flush();
            settle();
            if (!errors.isEmpty()) {
                throw rejected(errors);
            }
            return new ImportResult(count, counts[0], counts[1], counts[2], java.util.UUID.fromString(actor.contextRef()));
        }

        /** Waits for the batch being written, then starts writing the batch filled (unless the file is already rejected). */
        void flush() {
            settle();
            if (errors.isEmpty() && !batch.isEmpty()) {
                inFlight = exchanges.upsertAll(connection, batch, batchLines, seen, actor).subscribeAsCompletionStage();
            }
            batch = new ArrayList<>(BATCH);
            batchLines = new ArrayList<>(BATCH);
        }

        /** Waits for the batch being written; a batch refused (a key met twice) becomes errors of the file. */
        void settle() {
            if (inFlight == null) {
                return;
            }
            CompletableFuture<ExchangeService.BatchOutcome> pending = inFlight;
            inFlight = null;
            try {
                ExchangeService.BatchOutcome o = pending.join();
                counts[0] += o.created();
                counts[1] += o.updated();
                counts[2] += o.unchanged();
                written.addAll(o.written());
            } catch (CompletionException e) {
                if (e.getCause() instanceof ProblemException p && p.problem().errors() != null && !p.problem().errors().isEmpty()) {
                    errors.addAll(p.problem().errors());
                } else if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                } else {
                    throw e;
                }
            }
        }
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            // the body stopped arriving for longer than quarkus.http.read-timeout (Quarkus then closes the
            // connection, usually before this answer can reach the client), or the client went away: rolled back,
            // not an incident
            throw new ProblemException(ProblemType.REQUEST_TIMEOUT, "The body stopped arriving before its end (no data "
                    + "for longer than the read time-out, or the connection was closed); nothing was imported");
        }
    }

    private static ProblemException rejected(List<FieldError> found) {
        // in line order: a batch's duplicate keys are found after later lines were validated
        List<FieldError> errors = found.stream()
                .sorted(Comparator.comparing(FieldError::line, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        List<FieldError> shown = errors.size() > MAX_REPORTED_ERRORS ? errors.subList(0, MAX_REPORTED_ERRORS) : errors;
        long lines = errors.stream().map(FieldError::line).distinct().count();
        return new ProblemException(ProblemType.VALIDATION, lines + " line(s) are invalid; nothing was imported"
                + (shown.size() < errors.size() ? " (first " + shown.size() + " of " + errors.size() + " errors listed)" : ""),
                shown);
    }
}
