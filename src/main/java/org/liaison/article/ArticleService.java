package org.liaison.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.liaison.exchange.DateRange;
import org.liaison.exchange.ExchangeInput;
import org.liaison.exchange.ExchangeRepository;
import org.liaison.exchange.ExchangeService;
import org.liaison.exchange.ExchangeValidator;
import org.liaison.exchange.ResolvedExchange;
import org.liaison.exchange.ValidExchange;
import org.liaison.article.extract.ArticleExtractor;
import org.liaison.article.extract.ArticleInput;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.web.FieldError;
import org.liaison.web.ProblemException;

/**
 * Articles in: extraction as a dry run, or stored as a source with its exchanges as drafts for
 * review. An exchange already known (overlapping dates, and a shared participant or participant
 * locality) gets the article as a further source instead of a duplicate; values the article
 * states differently are noted on the record (codebook: sources that disagree).
 */
@ApplicationScoped
public class ArticleService {

    public static final int MAX_TEXT = 200_000;

    @Inject
    ArticleExtractor extractor;
    @Inject
    ExchangeValidator validator;
    @Inject
    ExchangeService exchanges;
    @Inject
    ExchangeRepository repository;
    @Inject
    Pool pool;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @RegisterForReflection
    public record Extraction(List<ExtractedExchange> exchanges) {
    }

    @RegisterForReflection
    public record Stored(String source, boolean alreadyKnown, List<StoredExchange> exchanges) {
    }

    @RegisterForReflection
    public record StoredExchange(UUID id, String outcome, String date, List<String> disagreements) {
    }

    public Extraction extract(ArticleInput in) {
        validate(in, false);
        return new Extraction(extractor.extract(in));
    }

    public Uni<Stored> store(ArticleInput in) {
        validate(in, true);
        // Extraction is CPU work: keep it off the event loop.
        return Uni.createFrom().item(() -> extractor.extract(in)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(found -> store(in, found));
    }

    private Uni<Stored> store(ArticleInput in, List<ExtractedExchange> found) {
        String url = in.url().strip();
        return pool.withTransaction(tx -> tx.preparedQuery("""
                select e.public_id, e.date from source s join exchange_source es on es.source_id = s.id
                join exchange e on e.id = es.exchange_id where s.url = $1 order by e.date""").execute(Tuple.of(url))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        List<StoredExchange> known = new ArrayList<>();
                        rows.forEach(r -> known.add(new StoredExchange(r.getUUID(0), "unchanged", r.getLocalDate(1).toString(), List.of())));
                        return Uni.createFrom().item(new Stored(url, true, known));
                    }
                    List<StoredExchange> out = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ExtractedExchange e : found) {
                        chain = chain.chain(() -> storeOne(tx, in, e).invoke(out::add).replaceWithVoid());
                    }
                    return chain.map(x -> new Stored(url, false, out));
                })).invoke(stored -> exchanges.changed());
    }

    private Uni<StoredExchange> storeOne(SqlClient tx, ArticleInput article, ExtractedExchange e) {
        ValidExchange v = validator.validate(toInput(article, e));
        return exchanges.resolve(tx, v).chain(r -> findSame(tx, r).chain(same -> {
            if (same == null) {
                return repository.insert(tx, r).map(s -> new StoredExchange(s.publicId(), "created", e.date(), List.of()));
            }
            return mergeInto(tx, same, r, v);
        }));
    }

    record Known(long id, UUID publicId, LocalDate date, String format, String kind, String venue, String notes) {
    }

    /** The same exchange already stored: overlapping dates and a shared participant or participant locality. */
    private Uni<Known> findSame(SqlClient tx, ResolvedExchange r) {
        ValidExchange v = r.exchange();
        LocalDate from = v.date();
        LocalDate to = v.endDate() != null ? v.endDate() : "day".equals(v.datePrecision()) ? v.date()
                : "month".equals(v.datePrecision()) ? v.date().plusMonths(1).minusDays(1) : v.date().plusYears(1).minusDays(1);
        Long[] people = r.personIds().toArray(Long[]::new);
        String[] places = v.localities().stream().filter(l -> l.role().equals("participant")).map(ValidExchange.LocalityRole::code)
                .toArray(String[]::new);
        return tx.preparedQuery("""
                select e.id, e.public_id, e.date, e.format, e.kind, e.venue_code, e.notes from exchange e
                where (e.natural_key = $5
                       or e.date <= $2 and case e.date_precision
                              when 'month' then (e.date + interval '1 month' - interval '1 day')::date
                              when 'year' then (e.date + interval '1 year' - interval '1 day')::date
                              else coalesce(e.end_date, e.date) end >= $1
                          and (exists (select 1 from participant p where p.exchange_id = e.id and p.person_id = any($3))
                               or exists (select 1 from exchange_locality l where l.exchange_id = e.id
                                          and l.role = 'participant' and l.locality_code = any($4))))
                order by (e.natural_key = $5) desc, (e.date = $1) desc, e.status = 'rejected', e.id
                limit 1""")
                .execute(Tuple.of(from, to, people, places, r.key()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row x = rows.iterator().next();
                    return new Known(x.getLong(0), x.getUUID(1), x.getLocalDate(2), x.getString(3), x.getString(4), x.getString(5),
                            x.getString(6));
                });
    }

    /** Adds the article as a source, adds the themes it reports, and notes what it says differently. */
    private Uni<StoredExchange> mergeInto(SqlClient tx, Known k, ResolvedExchange r, ValidExchange v) {
        List<String> disagreements = new ArrayList<>();
        String url = v.sources().get(0).url();
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
        String note = disagreements.isEmpty() ? null : "Source " + url + " disagrees: " + String.join("; ", disagreements) + ".";
        List<Tuple> themes = v.themes().stream().map(t -> Tuple.of(k.id(), t)).toList();
        List<Long> ids = List.of(k.id());
        return repository.rollups(tx, ids, -1)
                .chain(() -> repository.linkSources(tx, k.id(), v.sources()))
                .chain(() -> themes.isEmpty() ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("insert into exchange_theme (exchange_id, theme_code) values ($1, $2) on conflict do nothing")
                                .executeBatch(themes).replaceWithVoid())
                .chain(() -> tx.preparedQuery("""
                        update exchange set notes = case when $2::text is null then notes
                                                         when notes is null then $2 else notes || E'\\n' || $2 end,
                               updated_at = now(), version = version + 1
                        where id = $1""").execute(Tuple.of(k.id(), note)))
                .chain(() -> refreshContentHash(tx, k.id()))
                .chain(() -> repository.rollups(tx, ids, 1))
                .map(x -> new StoredExchange(k.publicId(), "merged", k.date().toString(), disagreements));
    }

    /** The merged record's content changed: its hash must follow, or a re-import would see a change that is not there. */
    private Uni<Void> refreshContentHash(SqlClient tx, long id) {
        return repository.view(tx, id).chain(view -> {
            ValidExchange merged = validator.validate(mapper.convertValue(view, ExchangeInput.class));
            return exchanges.resolve(tx, merged);
        }).chain(r -> tx.preparedQuery("update exchange set content_hash = $2 where id = $1")
                .execute(Tuple.of(id, r.contentHash()))).replaceWithVoid();
    }

    static ExchangeInput toInput(ArticleInput a, ExtractedExchange e) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        JsonNode venue = e.venue() == null ? null : json.textNode(e.venue().code());
        List<ExchangeInput.ParticipantInput> participants = e.participants().stream()
                .map(p -> new ExchangeInput.ParticipantInput(p.name(), p.side(), p.titles(), p.organisation(),
                        p.locality() == null ? null : json.textNode(p.locality())))
                .toList();
        List<ExchangeInput.LocalityInput> localities = e.localities().stream()
                .map(l -> new ExchangeInput.LocalityInput(l.code(), null, null, l.role())).toList();
        List<ExchangeInput.SourceInput> sources = List.of(new ExchangeInput.SourceInput(a.url().strip(), a.outlet(), a.title(),
                a.published(), a.language() != null ? a.language() : null));
        return new ExchangeInput(null, e.date(), e.endDate(), e.datePrecision(), e.format(), e.kind(), venue, null, "draft",
                "Extracted from " + a.url().strip() + " (confidence " + String.format(java.util.Locale.ROOT, "%.2f", e.confidence())
                        + "); to be verified.",
                null, participants, localities, e.themes(), sources);
    }

    static void validate(ArticleInput in, boolean needsUrl) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw ProblemException.validation(List.of(FieldError.of("body", null, "an article object is required")));
        }
        if (in.text() == null || in.text().isBlank()) {
            errors.add(FieldError.of("text", null, "the article text is required"));
        } else if (in.text().length() > MAX_TEXT) {
            errors.add(FieldError.of("text", in.text().length() + " characters", "at most " + MAX_TEXT + " characters"));
        }
        if (in.language() != null && !List.of("en", "vi").contains(in.language())) {
            errors.add(FieldError.of("language", in.language(), "must be en, vi or null (detect)"));
        }
        if (in.published() != null && !in.published().isBlank()) {
            try {
                if (!DateRange.STORED.contains(LocalDate.parse(in.published().strip()))) {
                    errors.add(FieldError.of("published", in.published(), "must be " + DateRange.STORED.describe() + ", or null"));
                }
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("published", in.published(), "expected a date as YYYY-MM-DD, or null"));
            }
        }
        if (needsUrl && (in.url() == null || !ExchangeValidator.isHttpUrl(in.url()))) {
            errors.add(FieldError.of("url", in.url(), "an absolute http(s) URL is required to store an article (it identifies the source)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
