package org.liaison.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.liaison.exchange.Actor;
import org.liaison.exchange.ExchangeInput;
import org.liaison.exchange.ExchangeService;
import org.liaison.exchange.ExchangeValidator;
import org.liaison.exchange.ValidExchange;
import org.liaison.article.extract.ArticleExtractor;
import org.liaison.article.extract.ArticleInput;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.web.DateRange;
import org.liaison.web.FieldError;
import org.liaison.web.ProblemException;
import org.liaison.web.TextCheck;

/**
 * Articles in: extraction as a dry run, or stored as a source with its exchanges as drafts for
 * review. An exchange already known (overlapping dates, and a shared participant or participant
 * locality) gets the article as a further source instead of a duplicate; values the article
 * states differently are noted on the record (codebook: sources that disagree).
 */
@ApplicationScoped
public class ArticleService {

    public static final int MAX_TEXT = 200_000;

    private final ArticleExtractor extractor;
    private final ExchangeValidator validator;
    private final ExchangeService exchanges;

    @Inject
    public ArticleService(ArticleExtractor extractor, ExchangeValidator validator, ExchangeService exchanges) {
        this.extractor = extractor;
        this.validator = validator;
        this.exchanges = exchanges;
    }

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

    /** Stores the article; each record it creates or adds to is in the audit trail by {@code actor}, with the article's URL. */
    public Uni<Stored> store(ArticleInput in, Actor actor) {
        validate(in, true);
        // Extraction is CPU work: keep it off the event loop.
        return Uni.createFrom().item(() -> extractor.extract(in)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(found -> store(in, found, actor.forArticle(in.url().strip())));
    }

    private Uni<Stored> store(ArticleInput in, List<ExtractedExchange> found, Actor actor) {
        String url = in.url().strip();
        return exchanges.inTransaction(tx -> exchanges.bySource(tx, url).chain(known -> {
            if (!known.isEmpty()) {
                return Uni.createFrom().item(new Stored(url, true, known.stream()
                        .map(k -> new StoredExchange(k.getKey(), "unchanged", k.getValue().toString(), List.of())).toList()));
            }
            List<StoredExchange> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ExtractedExchange e : found) {
                chain = chain.chain(() -> storeOne(tx, in, e, actor).invoke(out::add).replaceWithVoid());
            }
            return chain.map(x -> new Stored(url, false, out));
        }));
    }

    /** A new draft, or the article as a further source of the exchange already known. */
    private Uni<StoredExchange> storeOne(SqlClient tx, ArticleInput article, ExtractedExchange e, Actor actor) {
        ValidExchange v = validator.validate(toInput(article, e));
        return exchanges.resolve(tx, v).chain(r -> exchanges.findSame(tx, r).chain(same -> same == null
                ? exchanges.insert(tx, r, actor).map(s -> new StoredExchange(s.publicId(), "created", e.date(), List.of()))
                : exchanges.addReport(tx, same, v, actor)
                        .map(d -> new StoredExchange(same.publicId(), "merged", same.date().toString(), d))));
    }

    static ExchangeInput toInput(ArticleInput a, ExtractedExchange e) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        JsonNode venue = e.venue() == null ? null : json.textNode(e.venue().code());
        List<ExchangeInput.ParticipantInput> participants = e.participants().stream()
                .map(p -> new ExchangeInput.ParticipantInput(p.name(), p.side(), p.titles(), p.organisation(),
                        p.locality() == null ? null : json.textNode(p.locality().code())))
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
        // the one text rule of every body (TextCheck): a NUL or a lone surrogate is named, whatever the field
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("url", in.url());
        fields.put("outlet", in.outlet());
        fields.put("published", in.published());
        fields.put("language", in.language());
        fields.put("title", in.title());
        fields.put("text", in.text());
        fields.forEach((name, value) -> {
            String problem = TextCheck.problem(value);
            if (problem != null) {
                errors.add(FieldError.of(name, value != null && value.length() > 40 ? value.substring(0, 40) + "…" : value, problem));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
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
            String problem = DateRange.STORED.problem(in.published());
            if (problem != null) {
                errors.add(FieldError.of("published", in.published(), problem + ", or null"));
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
