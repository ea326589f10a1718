package org.liaison.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The audit trail (db/migration/V7): what a write changed, noted in its transaction and turned
 * into rows at its commit, one per change of the change log; and a record's history read back.
 * Only {@link ExchangeService} notes changes: the one write path.
 */
@ApplicationScoped
public class AuditTrail {

    private final Pool pool;
    private final ObjectMapper mapper;

    public AuditTrail(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** One record's change: its public view before (null: created) and after (null: deleted). */
    public record Noted(UUID id, ExchangeView before, ExchangeView after) {
    }

    /** Notes these changes of one write, by {@code actor}, in its transaction: one statement however many. */
    Uni<Void> note(SqlClient tx, Actor actor, List<Noted> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = new UUID[changes.size()];
        String[] before = new String[changes.size()];
        String[] after = new String[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            Noted n = changes.get(i);
            ids[i] = n.id();
            before[i] = json(n.before());
            after[i] = json(n.after());
        }
        return tx.preparedQuery("select liaison_audit_note($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[] { ids, before, after, actor.subject(), actor.role(), actor.reason(),
                        actor.context(), actor.contextRef() }))
                .replaceWithVoid();
    }

    Uni<Void> note(SqlClient tx, Actor actor, UUID id, ExchangeView before, ExchangeView after) {
        return note(tx, actor, List.of(new Noted(id, before, after)));
    }

    private String json(ExchangeView view) {
        try {
            return view == null ? null : mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an exchange as JSON for the audit trail", e);
        }
    }

    @RegisterForReflection
    @Schema(description = "One change of an exchange, as the audit trail recorded it")
    public record Entry(
            @Schema(description = "The data version of the write's commit (the change feed's order)") long dataVersion,
            @Schema(description = "created, updated or deleted", enumeration = { "created", "updated", "deleted" }) String change,
            @Schema(description = "The subject (sub) of the writer's token; 'liaison' for the demo data; 'unrecorded' for a "
                    + "change made before the audit trail existed") String actor,
            @Schema(description = "The strongest of the service's roles the token had: admin, reviewer or editor",
                    nullable = true) String role,
            @Schema(description = "When the write began") OffsetDateTime at,
            @Schema(description = "The reason the writer gave (?reason=)", nullable = true) String reason,
            @Schema(description = "api (one request), import, article, or unrecorded",
                    enumeration = { "api", "import", "article", "unrecorded" }) String context,
            @Schema(description = "The import's id (import_id of its answer) or the article's URL", nullable = true)
            String contextRef,
            @Schema(description = "The record as GET /api/exchanges/{id} showed it before; null for a create",
                    nullable = true) JsonNode before,
            @Schema(description = "The record as GET /api/exchanges/{id} showed it after; null for a delete",
                    nullable = true) JsonNode after) {
    }

    /** What is known of an id: whether the record exists now, and whether it ever had a change recorded. */
    public record Known(boolean exists, boolean deleted) {
    }

    public Uni<Known> known(UUID id) {
        return pool.preparedQuery("""
                select exists (select 1 from exchange where public_id = $1),
                       exists (select 1 from exchange_tombstone where public_id = $1)
                       or exists (select 1 from exchange_audit where exchange_id = $1)""").execute(Tuple.of(id))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    boolean exists = r.getBoolean(0);
                    return new Known(exists, !exists && r.getBoolean(1));
                });
    }

    public record Page(long total, List<Entry> items) {
    }

    /** A record's changes, newest first (commit order reversed). */
    public Uni<Page> history(UUID id, int limit, long offset) {
        return pool.preparedQuery("select count(*) from exchange_audit where exchange_id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(total -> pool.preparedQuery("""
                        select version, change, actor, role, at, reason, context_kind, context_ref, before::text, after::text
                        from exchange_audit where exchange_id = $1 order by version desc limit $2 offset $3""")
                        .execute(Tuple.of(id, limit, offset))
                        .map(rows -> {
                            List<Entry> items = new ArrayList<>();
                            for (Row r : rows) {
                                items.add(new Entry(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
                                        r.getOffsetDateTime(4), r.getString(5), r.getString(6), r.getString(7), tree(r.getString(8)),
                                        tree(r.getString(9))));
                            }
                            return new Page(total, items);
                        }));
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit row holds JSON that does not parse", e);
        }
    }
}
