package org.liaison.changes;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.liaison.exchange.ExchangeRepository;
import org.liaison.exchange.ExchangeView;
import org.liaison.web.ProblemException;

/**
 * Reads the change feed from the change log (db/migration/V5): the changes after a cursor, in
 * (commit version, exchange id) order, with each record as it is now. A write takes its version
 * at commit, after every earlier write's commit is visible (the data_version row is locked until
 * then), so a reader never sees version v+1 before v: every change up to the last one a page
 * shows is already in the log, and a client resuming from that page's cursor misses none.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /**
     * The change log's primary key is the cursor order: an index range scan from the cursor,
     * whatever the log's length. The tombstone holds a deleted record's last version. Public for
     * the benchmark, which explains it (bench/explain/changes-page.txt).
     */
    public static final String PAGE = """
            select c.version, c.exchange_id, c.change, c.changed_at, e.id, e.version, t.version
            from change_log c
            left join exchange e on e.public_id = c.exchange_id
            left join exchange_tombstone t on t.public_id = c.exchange_id
            where (c.version, c.exchange_id) > ($1, $2)
            order by c.version, c.exchange_id
            limit $3""";

    private final Pool pool;
    private final ExchangeRepository exchanges;

    public ChangeFeed(Pool pool, ExchangeRepository exchanges) {
        this.pool = pool;
        this.exchanges = exchanges;
    }

    /**
     * Up to {@code limit} changes after {@code after}. One read-only snapshot for the log, the
     * records and the tombstones, so an entry's body, version and kind agree with each other.
     */
    public Uni<ChangePage> after(String parameter, ChangeCursor after, int limit) {
        return pool.withTransaction(c -> c.query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> c.query("select version from data_version").execute())
                .chain(rows -> {
                    long current = rows.iterator().next().getLong(0);
                    if (after.version() > current) {
                        // a cursor of another database, or of this one before it was replaced: reading
                        // on would silently skip every change up to the cursor's version
                        return Uni.createFrom().failure(ProblemException.invalidParameter(parameter, after.encode(),
                                "is ahead of this feed (its data version is " + current + "): the cursor is from another "
                                        + "database; read again from the start, without the parameter"));
                    }
                    return c.preparedQuery(PAGE).execute(Tuple.of(after.version(), after.exchangeId(), limit + 1))
                            .chain(log -> page(c, log, after, limit));
                }));
    }

    private record Logged(long version, UUID id, String change, java.time.OffsetDateTime at, Long rowId, Integer recordVersion,
            Integer tombstoneVersion) {
    }

    private Uni<ChangePage> page(SqlConnection c, RowSet<Row> log, ChangeCursor after, int limit) {
        List<Logged> logged = new ArrayList<>();
        for (Row r : log) {
            logged.add(new Logged(r.getLong(0), r.getUUID(1), r.getString(2), r.getOffsetDateTime(3), r.getLong(4),
                    r.getInteger(5), r.getInteger(6)));
        }
        boolean more = logged.size() > limit;
        List<Logged> shown = more ? logged.subList(0, limit) : logged;
        // each record once, however many of its changes the page holds
        List<Long> ids = shown.stream().filter(l -> l.rowId() != null && !l.change().equals(Change.DELETED))
                .map(Logged::rowId).distinct().toList();
        return exchanges.views(c, ids).map(views -> {
            Map<UUID, ExchangeView> byId = new HashMap<>();
            views.forEach(v -> byId.put(v.id(), v));
            List<Change> items = new ArrayList<>(shown.size());
            for (Logged l : shown) {
                ExchangeView body = l.change().equals(Change.DELETED) ? null : byId.get(l.id());
                Integer version = body != null ? Integer.valueOf(body.version())
                        : l.recordVersion() != null ? l.recordVersion() : l.tombstoneVersion();
                items.add(new Change(new ChangeCursor(l.version(), l.id()).encode(), l.id(), l.change(), version, l.at(), body));
            }
            String next = shown.isEmpty() ? after.encode() : items.get(items.size() - 1).cursor();
            return new ChangePage(items, limit, next, more);
        });
    }
}
