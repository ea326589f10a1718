package org.liaison.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.liaison.people.PeopleDirectory;
import org.liaison.web.FieldError;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;

/**
 * The rules of writing exchanges (status is not part of the content hash: re-importing a file
 * must not undo a reviewer's verdict unless the file states a status): natural keys, idempotent upserts, optimistic locking. Every
 * write runs in one transaction: a failure leaves nothing half-written.
 */
@ApplicationScoped
public class ExchangeService {

    private final Pool pool;
    private final ExchangeRepository repository;
    private final ExchangeValidator validator;
    private final Event<ExchangesChanged> changed;
    private final ObjectMapper mapper;
    private final PeopleDirectory people;
    private final WriteTransaction writes;
    private final AuditTrail audit;

    @Inject
    public ExchangeService(Pool pool, ExchangeRepository repository, ExchangeValidator validator, Event<ExchangesChanged> changed,
            ObjectMapper mapper, PeopleDirectory people, WriteTransaction writes, AuditTrail audit) {
        this.audit = audit;
        this.people = people;
        this.writes = writes;
        this.pool = pool;
        this.repository = repository;
        this.validator = validator;
        this.changed = changed;
        this.mapper = mapper;
    }

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    public record Written(Outcome outcome, ExchangeView exchange) {
    }

    public Uni<ExchangeView> get(UUID id) {
        return repository.findByPublicId(pool, id, false)
                .chain(s -> s == null ? Uni.createFrom().failure(notFound(id)) : repository.view(pool, s.id()));
    }

    public Uni<ExchangeRepository.Page> list(ExchangeFilter filter, String sort, int limit, int offset) {
        return repository.list(filter, sort, limit, offset);
    }

    /**
     * POST: creates the exchange. Posting the same exchange again (same key, same content) answers
     * the existing record; the same key with other content is a conflict (use PUT to change it).
     * Every change a write makes is noted for the audit trail ({@link AuditTrail}) in its
     * transaction, by {@code actor}.
     */
    public Uni<Written> create(ValidExchange v, Actor actor) {
        return writes.run(tx -> resolve(tx, v).chain(r -> repository.findByKey(tx, r.key()).chain(stored -> {
            if (stored == null) {
                Uni<ExchangeRepository.Known> same = v.key() != null ? Uni.createFrom().nullItem() : repository.findSame(tx, r);
                return same.chain(known -> known != null ? Uni.createFrom().failure(known.sameKey() ? new ConcurrentCreate(r.key())
                        : alreadyKnown(known, r.key()))
                        : repository.insert(tx, r).chain(s -> repository.view(tx, s.id()))
                                .call(view -> audit.note(tx, actor, view.id(), null, view))
                                .map(view -> new Written(Outcome.CREATED, view)));
            }
            if (unchanged(stored, r)) {
                return repository.view(tx, stored.id()).map(view -> new Written(Outcome.UNCHANGED, view));
            }
            return Uni.createFrom().failure(new ProblemException(ProblemType.CONFLICT, "Exchange " + stored.publicId()
                    + " has the same key (" + r.key() + ") and other content; change it with PUT /api/exchanges/"
                    + stored.publicId(), List.of(FieldError.of("key", r.key(), "already used by " + stored.publicId()))));
        }))).invoke(this::changed);
    }

    /**
     * Without a key of its own, an exchange is matched by content: the same as a stored one (the
     * "already known" rule of {@link ExchangeRepository#findSame}) is not a new record. A client key
     * states the record's identity, so a keyed exchange is matched by key only.
     */
    static ProblemException alreadyKnown(ExchangeRepository.Known k, String key) {
        return new ProblemException(ProblemType.CONFLICT, "This exchange is already stored as " + k.publicId()
                + " (/api/exchanges/" + k.publicId() + "): overlapping dates and a shared participant or participant locality; "
                + "change it with PUT or PATCH, or give a key of your own if it is another exchange",
                List.of(knownAs(k, "")));
    }

    /** The error that names the stored record an exchange is already known as. */
    private static FieldError knownAs(ExchangeRepository.Known k, String why) {
        return FieldError.of("id", k.publicId().toString(), "already known as /api/exchanges/" + k.publicId() + why);
    }

    /** Runs {@code work} in one write transaction ({@link WriteTransaction}) and tells the caches after the commit. */
    public <T> Uni<T> inTransaction(java.util.function.Function<SqlClient, Uni<T>> work) {
        return writes.run(work).invoke(this::changed);
    }

    /** The stored exchanges that have this URL as a source (public id, date). */
    public Uni<List<Map.Entry<UUID, java.time.LocalDate>>> bySource(SqlClient tx, String url) {
        return repository.bySource(tx, url);
    }

    /** The stored record this exchange is a further report of, or null (the "already known" rule). */
    public Uni<ExchangeRepository.Known> findSame(SqlClient tx, ResolvedExchange r) {
        return repository.findSame(tx, r);
    }

    /** Stores a new exchange in the caller's transaction (summaries and audit trail included). */
    public Uni<ExchangeRepository.Stored> insert(SqlClient tx, ResolvedExchange r, Actor actor) {
        return repository.insert(tx, r).call(s -> repository.view(tx, s.id()).chain(view -> audit.note(tx, actor, s.publicId(), null, view)));
    }

    /**
     * A further report of a stored exchange: adds its sources and themes and notes what it says
     * differently (codebook: sources that disagree); returns those disagreements.
     */
    public Uni<List<String>> addReport(SqlClient tx, ExchangeRepository.Known k, ValidExchange v, Actor actor) {
        List<String> disagreements = new ArrayList<>();
        if (!v.date().equals(k.date())) {
            disagreements.add("date " + v.date() + " (stored " + k.date() + ")");
        }
        if (!v.format().equals(k.format())) {
            disagreements.add("format " + v.format() + " (stored " + k.format() + ")");
        }
        if (!v.kind().equals(k.kind())) {
            disagreements.add("kind " + v.kind() + " (stored " + k.kind() + ")");
        }
        if (v.venue() != null && !v.venue().equals(k.venue())) {
            disagreements.add("venue " + v.venue() + " (stored " + Objects.toString(k.venue(), "none") + ")");
        }
        String note = disagreements.isEmpty() ? null
                : "Source " + v.sources().get(0).url() + " disagrees: " + String.join("; ", disagreements) + ".";
        List<Long> ids = List.of(k.id());
        return repository.view(tx, k.id()).chain(before -> repository.rollups(tx, ids, -1)
                .chain(() -> repository.linkSources(tx, k.id(), v.sources()))
                .chain(() -> repository.addReport(tx, k.id(), v.themes(), note))
                .chain(() -> refreshContentHash(tx, k.id()))
                .chain(after -> audit.note(tx, actor, k.publicId(), before, after))
                .chain(() -> repository.rollups(tx, ids, 1))
                .replaceWith(disagreements));
    }

    /**
     * The record's content changed: its hash must follow, or a re-import would see a change that
     * is not there. Returns the record as it is now (the hash is not part of its view).
     */
    private Uni<ExchangeView> refreshContentHash(SqlClient tx, long id) {
        return repository.view(tx, id)
                .chain(view -> resolve(tx, validator.validate((com.fasterxml.jackson.databind.JsonNode) mapper.valueToTree(view)))
                        .chain(r -> repository.setContentHash(tx, id, r.contentHash()))
                        .replaceWith(view));
    }

    /** After commit: this instance's caches must not wait for the database's notification. */
    public void changed() {
        changed.fire(new ExchangesChanged());
    }

    /**
     * PUT: replaces every field; a body without {@code status} sets the default (draft), as POST
     * does. The key is stable: the stored one stays unless the body gives another. Replacing a
     * record with what it already holds writes nothing (same version, same data version).
     * {@code ifMatch} (the ETag) or the body's version guards against lost updates.
     */
    public Uni<ExchangeView> replace(UUID id, ValidExchange v, Integer ifMatch, Actor actor) {
        boolean[] wrote = { false };
        return writes.run(tx -> repository.findByPublicId(tx, id, true).chain(stored -> {
            wrote[0] = false; // a retried attempt starts afresh
            if (stored == null) {
                return Uni.createFrom().failure(notFound(id));
            }
            checkVersion(stored, ifMatch, v.version());
            ValidExchange full = v.status() == null ? v.withStatus(Codebook.STATUSES.get(0)) : v;
            if (rejects(stored.status(), full.status()) && actor.reason() == null) {
                throw reasonRequired("Rejecting an exchange (status " + stored.status() + " to rejected)");
            }
            return resolve(tx, full).map(r -> full.key() == null ? r.withKey(stored.key()) : r)
                    .chain(r -> r.key().equals(stored.key()) && unchanged(stored, r) ? repository.view(tx, stored.id())
                            : repository.findByKey(tx, r.key()).chain(other -> {
                                if (other != null && other.id() != stored.id()) {
                                    return Uni.createFrom().failure(new ProblemException(ProblemType.CONFLICT,
                                            "Another exchange (" + other.publicId() + ") already has key " + r.key(),
                                            List.of(FieldError.of("key", r.key(), "must be unique"))));
                                }
                                wrote[0] = true;
                                return repository.view(tx, stored.id()).chain(before -> repository.replace(tx, stored.id(), r)
                                        .chain(s -> repository.view(tx, s.id()))
                                        .call(after -> audit.note(tx, actor, id, before, after)));
                            }));
        })).invoke(() -> {
            if (wrote[0]) {
                changed();
            }
        });
    }

    /** DELETE: needs a reason (after the 404 of an unknown id: that answer tells more). */
    public Uni<Void> delete(UUID id, Actor actor) {
        return writes.run(tx -> repository.findByPublicId(tx, id, true).chain(stored -> {
            if (stored == null) {
                return Uni.createFrom().failure(notFound(id));
            }
            if (actor.reason() == null) {
                return Uni.createFrom().failure(reasonRequired("Deleting an exchange"));
            }
            return repository.view(tx, stored.id()).chain(before -> repository.delete(tx, stored.id())
                    .chain(() -> audit.note(tx, actor, id, before, null)));
        })).invoke(this::changed);
    }

    /**
     * A write that moves a stored record to rejected, and a delete, say why: the audit trail's
     * reason. A new record stated as rejected needs none (it records a verdict reached elsewhere,
     * such as an export re-imported).
     */
    static boolean rejects(String stored, String next) {
        return REJECTED.equals(next) && !REJECTED.equals(stored);
    }

    static final String REJECTED = "rejected";

    static ProblemException reasonRequired(String what) {
        return ProblemException.validation(List.of(FieldError.of(org.liaison.web.WriteParameters.REASON, null,
                what + " needs a reason: send ?reason=... (at most " + org.liaison.web.WriteParameters.MAX_REASON
                        + " characters), recorded in the audit trail")));
    }

    private static void checkVersion(ExchangeRepository.Stored stored, Integer ifMatch, Integer bodyVersion) {
        if (ifMatch != null && ifMatch != stored.version()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match is version " + ifMatch
                    + " but the exchange is at version " + stored.version() + "; read it again");
        }
        if (bodyVersion != null && !bodyVersion.equals(stored.version())) {
            throw new ProblemException(ProblemType.CONFLICT, "version " + bodyVersion + " is stale: the exchange is at version "
                    + stored.version(), List.of(FieldError.of("version", String.valueOf(bodyVersion), "stale")));
        }
    }

    /**
     * Counts of one batch: created, updated, unchanged; and the ids written, whose contribution
     * the caller adds to the summaries ({@link #addToSummaries}) once every batch is written.
     */
    public record BatchOutcome(int created, int updated, int unchanged, List<Long> written) {
    }

    /**
     * Adds written exchanges to the stats summaries, in the caller's transaction. An import does
     * this once at its end rather than per batch: each summary row is then updated once, not once
     * per batch (every update inside one transaction leaves a row version the next one walks past).
     */
    public Uni<Void> addToSummaries(SqlClient tx, List<Long> ids) {
        return repository.rollups(tx, ids, 1);
    }

    /**
     * The import's upsert for many exchanges at once, with the rules of {@link #create} but no conflict (a changed record is replaced): people
     * resolved in one query, stored records found in one, and the writes done in a few
     * statements. {@code lines} are the input lines of {@code batch}, for errors; {@code seen}
     * maps the keys met so far in one import to their line (a key met twice is an error).
     */
    public Uni<BatchOutcome> upsertAll(SqlClient tx, List<ValidExchange> batch, List<Integer> lines, Map<String, Integer> seen,
            Actor actor) {
        List<ValidExchange.Participant> everyone = batch.stream().flatMap(v -> v.participants().stream()).toList();
        return people.resolve(tx, names(everyone)).chain(ids -> people.names(tx, ids).chain(names -> {
            List<ResolvedExchange> resolved = new ArrayList<>(batch.size());
            List<FieldError> duplicates = new ArrayList<>();
            int at = 0;
            for (int i = 0; i < batch.size(); i++) {
                ValidExchange v = batch.get(i);
                List<Long> personIds = List.copyOf(ids.subList(at, at + v.participants().size()));
                at += v.participants().size();
                List<String> people = personIds.stream().map(names::get).toList();
                String key = v.key() != null ? v.key() : naturalKey(v, people);
                Integer first = seen.putIfAbsent(key, lines.get(i));
                if (first != null) {
                    duplicates.add(FieldError.of("key", key, "the same exchange as line " + first).atLine(lines.get(i)));
                }
                resolved.add(new ResolvedExchange(v, key, contentHash(v, people), personIds));
            }
            if (!duplicates.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.validation(duplicates));
            }
            return repository.findByKeys(tx, resolved.stream().map(ResolvedExchange::key).toList()).chain(stored -> {
                List<ResolvedExchange> created = new ArrayList<>();
                List<Integer> createdLines = new ArrayList<>();
                List<ResolvedExchange> replaced = new ArrayList<>();
                List<Long> replacedIds = new ArrayList<>();
                List<FieldError> unexplained = new ArrayList<>();
                for (int i = 0; i < resolved.size(); i++) {
                    ResolvedExchange r = resolved.get(i);
                    ExchangeRepository.Stored s = stored.get(r.key());
                    if (s == null) {
                        created.add(r);
                        createdLines.add(lines.get(i));
                    } else if (!unchanged(s, r)) {
                        replaced.add(r);
                        replacedIds.add(s.id());
                        if (rejects(s.status(), r.exchange().status()) && actor.reason() == null) {
                            unexplained.add(reasonRequired("Line " + lines.get(i) + " rejects " + s.publicId() + ": rejecting a stored "
                                    + "exchange").problem().errors().get(0).atLine(lines.get(i)));
                        }
                    }
                }
                if (!unexplained.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.validation(unexplained));
                }
                return alreadyKnown(tx, created, createdLines).chain(known -> !known.isEmpty()
                        ? Uni.createFrom().failure(ProblemException.validation(known))
                        : repository.views(tx, replacedIds).chain(before -> repository.writeAll(tx, created, replacedIds, replaced)
                                .call(written -> repository.views(tx, written).chain(after -> audit.note(tx, actor,
                                        noted(before, after))))
                                .map(written -> new BatchOutcome(created.size(), replaced.size(),
                                        resolved.size() - created.size() - replaced.size(), written))));
            });
        }));
    }

    /**
     * New lines without a key of their own that are the same as a stored exchange (the rule of
     * POST): one error each, naming the stored record. Stored means before this batch: the
     * earlier batches of the same import count, other lines of the same batch do not.
     */
    private Uni<List<FieldError>> alreadyKnown(SqlClient tx, List<ResolvedExchange> created, List<Integer> lines) {
        List<Integer> unkeyed = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            if (created.get(i).exchange().key() == null) {
                unkeyed.add(i);
            }
        }
        // one lookup at a time, without nesting a chain step per line
        return Multi.createFrom().iterable(unkeyed)
                .onItem().transformToUniAndConcatenate(i -> repository.findSame(tx, created.get(i)).map(k -> {
                    if (k != null && k.sameKey()) {
                        throw new ConcurrentCreate(created.get(i).key());
                    }
                    return k == null ? List.<FieldError> of()
                            : List.of(knownAs(k, " (overlapping dates, a shared participant or participant locality)").atLine(lines.get(i)));
                }))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** The audit notes of a batch: the records written (after) with what the replaced ones were (before). */
    private static List<AuditTrail.Noted> noted(List<ExchangeView> before, List<ExchangeView> after) {
        Map<UUID, ExchangeView> was = new java.util.HashMap<>();
        before.forEach(v -> was.put(v.id(), v));
        return after.stream().map(v -> new AuditTrail.Noted(v.id(), was.get(v.id()), v)).toList();
    }

    private static List<PeopleDirectory.Name> names(List<ValidExchange.Participant> participants) {
        return participants.stream().map(p -> new PeopleDirectory.Name(p.name(), p.side())).toList();
    }

    /** Resolves participants to people, then derives the natural key and content hash. */
    public Uni<ResolvedExchange> resolve(SqlClient tx, ValidExchange v) {
        return people.resolve(tx, names(v.participants())).chain(ids -> people.names(tx, ids).map(names -> {
            List<String> people = ids.stream().map(names::get).toList();
            String key = v.key() != null ? v.key() : naturalKey(v, people);
            return new ResolvedExchange(v, key, contentHash(v, people), ids);
        }));
    }

    /**
     * The natural key when the client gives none: date, kind, venue, and the sorted canonical
     * participants and participant localities. Two reports of one meeting written the same way
     * get the same key; an import of the same file therefore finds its own records.
     */
    static String naturalKey(ValidExchange v, List<String> people) {
        TreeSet<String> localities = new TreeSet<>();
        v.localities().stream().filter(l -> l.role().equals("participant")).forEach(l -> localities.add(l.code()));
        return "auto-" + sha256(String.join("\u001f", v.date().toString(), v.kind(), Objects.toString(v.venue(), ""),
                String.join("\u001e", new TreeSet<>(people)), String.join("\u001e", localities))).substring(0, 32);
    }

    static String contentHash(ValidExchange v, List<String> people) {
        List<String> parts = new ArrayList<>();
        parts.add(String.valueOf(v.date()));
        parts.add(String.valueOf(v.endDate()));
        parts.add(v.datePrecision());
        parts.add(v.format());
        parts.add(v.kind());
        parts.add(String.valueOf(v.venue()));
        parts.add(v.level());
        parts.add(String.valueOf(v.notes()));
        for (int i = 0; i < v.participants().size(); i++) {
            ValidExchange.Participant p = v.participants().get(i);
            parts.add(people.get(i) + "|" + p.side() + "|" + p.titles() + "|" + p.organisation() + "|" + p.locality());
        }
        v.localities().stream().map(l -> l.code() + "|" + l.role()).sorted().forEach(parts::add);
        v.themes().stream().sorted().forEach(parts::add);
        v.sources().stream().map(s -> s.url() + "|" + s.outlet() + "|" + s.title() + "|" + s.published() + "|" + s.language())
                .sorted().forEach(parts::add);
        return sha256(String.join("\u001f", parts));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same content, and the input either states no status or the stored one (a review is never undone silently). */
    private static boolean unchanged(ExchangeRepository.Stored stored, ResolvedExchange r) {
        String status = r.exchange().status();
        return stored.contentHash().equals(r.contentHash()) && (status == null || status.equals(stored.status()));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Exchange " + id);
    }
}
