package org.liaison.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The feeds and their items in PostgreSQL (db/migration/V8). Every change is one statement, so
 * nothing is half-written. Claims take due rows with {@code for update skip locked} and push
 * their next time forward by the lease in the same statement: another instance's claim skips
 * them while the statement runs and finds them not due once it has committed.
 */
@ApplicationScoped
public class FeedStore {

    static final String VIEW = """
            select f.id, f.url, f.kind, f.link_pattern, f.outlet, f.language, extract(epoch from f.poll_interval)::bigint as poll,
                   f.active, f.created_at, f.next_poll_at, f.last_poll_at, f.last_success_at, f.last_error, f.last_error_at,
                   f.error_count, f.items_seen, f.exchanges_drafted, f.reports_merged,
                   (select count(*) filter (where i.status = 'fetched') from feed_items i where i.feed_id = f.id)::int as fetched,
                   (select count(*) filter (where i.status = 'pending') from feed_items i where i.feed_id = f.id)::int as pending,
                   (select count(*) filter (where i.status = 'failed') from feed_items i where i.feed_id = f.id)::int as failed
            from feeds f""";

    /** A feed claimed for one poll. */
    record Claimed(UUID id, String url, String kind, String linkPattern, String etag, String lastModified) {
    }

    /** An item claimed for one fetch, with what its feed says of it. */
    record ClaimedItem(long id, UUID feedId, String url, String title, LocalDate published, int attempts, String outlet,
            String language) {
    }

    /** A link of a poll: its normalised URL and the link as given. */
    record NewItem(String url, String link, String title, LocalDate published) {
    }

    private final Pool pool;

    public FeedStore(Pool pool) {
        this.pool = pool;
    }

    Uni<FeedView> insert(UUID id, FeedSettings s) {
        return pool.preparedQuery("insert into feeds (id, url, kind, link_pattern, outlet, language, poll_interval, active) "
                + "values ($1, $2, $3, $4, $5, $6, $7 * interval '1 second', $8)")
                .execute(Tuple.from(new Object[] { id, s.url(), s.kind(), s.linkPattern(), s.outlet(), s.language(),
                        s.pollInterval().toSeconds(), s.active() }))
                .chain(() -> get(id));
    }

    Uni<FeedView> update(UUID id, FeedSettings s) {
        return pool.preparedQuery("update feeds set url = $2, kind = $3, link_pattern = $4, outlet = $5, language = $6, "
                + "poll_interval = $7 * interval '1 second', active = $8, "
                // a new address is a new feed: its validators are not the old one's, and it is polled at once
                + "etag = case when url = $2 then etag end, last_modified = case when url = $2 then last_modified end, "
                + "next_poll_at = case when url = $2 then least(next_poll_at, coalesce(last_poll_at, now()) + $7 * interval '1 second') "
                + "else now() end where id = $1")
                .execute(Tuple.from(new Object[] { id, s.url(), s.kind(), s.linkPattern(), s.outlet(), s.language(),
                        s.pollInterval().toSeconds(), s.active() }))
                .chain(() -> get(id));
    }

    Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("delete from feeds where id = $1").execute(Tuple.of(id)).map(r -> r.rowCount() == 1);
    }

    /** Due now: the next tick polls it. */
    Uni<Boolean> pollSoon(UUID id) {
        return pool.preparedQuery("update feeds set next_poll_at = now() where id = $1").execute(Tuple.of(id))
                .map(r -> r.rowCount() == 1);
    }

    Uni<FeedView> get(UUID id) {
        return pool.preparedQuery(VIEW + " where f.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? view(rows.iterator().next()) : null);
    }

    Uni<UUID> idOfUrl(String url) {
        return pool.preparedQuery("select id from feeds where url = $1").execute(Tuple.of(url))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID(0) : null);
    }

    Uni<List<FeedView>> list() {
        return pool.query(VIEW + " order by f.created_at, f.id").execute().map(rows -> {
            List<FeedView> out = new ArrayList<>();
            rows.forEach(r -> out.add(view(r)));
            return out;
        });
    }

    Uni<List<FeedItemView>> items(UUID feed, String status, int limit, int offset) {
        return pool.preparedQuery("select url, link, title, published, status, reason, attempts, first_seen, fetched_at, "
                + "next_attempt_at, exchanges_drafted, reports_merged from feed_items where feed_id = $1 "
                + "and ($2::text is null or status = $2) order by id limit $3 offset $4")
                .execute(Tuple.of(feed, status, limit, offset)).map(rows -> {
                    List<FeedItemView> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new FeedItemView(r.getString(0), r.getString(1), r.getString(2), r.getLocalDate(3), r.getString(4),
                                r.getString(5), r.getInteger(6), r.getOffsetDateTime(7), r.getOffsetDateTime(8),
                                r.getOffsetDateTime(9), r.getInteger(10), r.getInteger(11)));
                    }
                    return out;
                });
    }

    /** Due active feeds, at most {@code batch}, each now held for {@code lease}. */
    Uni<List<Claimed>> claimFeeds(int batch, Duration lease) {
        return pool.preparedQuery("update feeds f set next_poll_at = now() + $1 * interval '1 millisecond' "
                + "from (select id from feeds where active and next_poll_at <= now() order by next_poll_at limit $2 "
                + "for update skip locked) due where f.id = due.id "
                + "returning f.id, f.url, f.kind, f.link_pattern, f.etag, f.last_modified")
                .execute(Tuple.of(lease.toMillis(), batch)).map(rows -> {
                    List<Claimed> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Claimed(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5))));
                    return out;
                });
    }

    /**
     * A poll that answered: the new links become items (a URL any feed already has is skipped),
     * the validators are kept, the errors in a row end, the next poll is an interval away.
     * Returns how many items are new.
     */
    Uni<Integer> polled(UUID feed, List<NewItem> links, String etag, String lastModified) {
        String[] urls = new String[links.size()];
        String[] raw = new String[links.size()];
        String[] titles = new String[links.size()];
        LocalDate[] dates = new LocalDate[links.size()];
        for (int i = 0; i < links.size(); i++) {
            urls[i] = links.get(i).url();
            raw[i] = links.get(i).link();
            titles[i] = links.get(i).title();
            dates[i] = links.get(i).published();
        }
        return pool.preparedQuery("""
                with added as (
                    insert into feed_items (feed_id, url, link, title, published)
                    select $1, x.u, x.l, x.t, x.p from unnest($2::text[], $3::text[], $4::text[], $5::date[]) as x(u, l, t, p)
                    on conflict (url) do nothing returning 1)
                update feeds set items_seen = items_seen + (select count(*) from added), last_poll_at = now(),
                    last_success_at = now(), error_count = 0, etag = coalesce($6, etag), last_modified = coalesce($7, last_modified),
                    next_poll_at = now() + poll_interval
                where id = $1 returning (select count(*) from added)::int""")
                .execute(Tuple.from(new Object[] { feed, urls, raw, titles, dates, etag, lastModified }))
                .map(FeedStore::firstInt);
    }

    /** A 304: nothing changed at the source. */
    Uni<Void> unchanged(UUID feed) {
        return pool.preparedQuery("update feeds set last_poll_at = now(), last_success_at = now(), error_count = 0, "
                + "next_poll_at = now() + poll_interval where id = $1").execute(Tuple.of(feed)).replaceWithVoid();
    }

    /** A failed poll: recorded, and tried again after the back-off (first × 2^errors in a row, at most max). */
    Uni<Void> pollFailed(UUID feed, String reason, Duration first, Duration max) {
        return pool.preparedQuery("update feeds set last_poll_at = now(), last_error = $2, last_error_at = now(), "
                + "error_count = error_count + 1, "
                + "next_poll_at = now() + least($3 * power(2, least(error_count, 30)), $4) * interval '1 millisecond' where id = $1")
                .execute(Tuple.of(feed, reason, (double) first.toMillis(), (double) max.toMillis())).replaceWithVoid();
    }

    /** Due items of active feeds, at most {@code batch}, each now held for {@code lease} and counted as an attempt. */
    Uni<List<ClaimedItem>> claimItems(int batch, Duration lease) {
        return pool.preparedQuery("""
                update feed_items i set next_attempt_at = now() + $1 * interval '1 millisecond', attempts = i.attempts + 1
                from (select fi.id from feed_items fi join feeds f on f.id = fi.feed_id and f.active
                      where fi.status <> 'fetched' and fi.next_attempt_at <= now() order by fi.next_attempt_at, fi.id limit $2
                      for update of fi skip locked) due, feeds f
                where i.id = due.id and f.id = i.feed_id
                returning i.id, i.feed_id, i.url, i.title, i.published, i.attempts, f.outlet, f.language""")
                .execute(Tuple.of(lease.toMillis(), batch)).map(rows -> {
                    List<ClaimedItem> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new ClaimedItem(r.getLong(0), r.getUUID(1), r.getString(2), r.getString(3),
                            r.getLocalDate(4), r.getInteger(5), r.getString(6), r.getString(7))));
                    return out;
                });
    }

    /** The article went through the article path: the item is done, its feed counts what it drafted and merged. */
    Uni<Void> fetched(long item, int drafted, int merged) {
        return pool.preparedQuery("""
                with i as (update feed_items set status = 'fetched', fetched_at = now(), reason = null, next_attempt_at = null,
                           exchanges_drafted = $2, reports_merged = $3 where id = $1 returning feed_id)
                update feeds f set exchanges_drafted = f.exchanges_drafted + $2, reports_merged = f.reports_merged + $3
                from i where f.id = i.feed_id""").execute(Tuple.of(item, drafted, merged)).replaceWithVoid();
    }

    /** A failed fetch: the item keeps its reason and is retried after the back-off, or never (retry false, attempts spent). */
    Uni<Void> itemFailed(long item, String reason, boolean retry, int maxAttempts, Duration first, Duration max) {
        return pool.preparedQuery("""
                with i as (update feed_items set status = 'failed', reason = $2,
                           next_attempt_at = case when $3 and attempts < $4
                               then now() + least($5 * power(2, least(attempts - 1, 30)), $6) * interval '1 millisecond' end
                           where id = $1 returning feed_id, url, next_attempt_at)
                update feeds f set last_error = 'article ' || i.url || ': ' || $2
                    || case when i.next_attempt_at is null then ' (given up)' else ' (retried)' end, last_error_at = now()
                from i where f.id = i.feed_id""")
                .execute(Tuple.from(new Object[] { item, reason, retry, maxAttempts, (double) first.toMillis(),
                        (double) max.toMillis() }))
                .replaceWithVoid();
    }

    private static int firstInt(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? rows.iterator().next().getInteger(0) : 0;
    }

    private static FeedView view(Row r) {
        return new FeedView(r.getUUID("id"), r.getString("url"), r.getString("kind"), r.getString("link_pattern"),
                r.getString("outlet"), r.getString("language"), Duration.ofSeconds(r.getLong("poll")).toString(),
                r.getBoolean("active"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("next_poll_at"),
                r.getOffsetDateTime("last_poll_at"), r.getOffsetDateTime("last_success_at"), r.getString("last_error"),
                r.getOffsetDateTime("last_error_at"), r.getInteger("error_count"), r.getInteger("items_seen"),
                r.getInteger("fetched"), r.getInteger("pending"), r.getInteger("failed"), r.getInteger("exchanges_drafted"),
                r.getInteger("reports_merged"));
    }
}
