package org.liaison.exchange;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.gazetteer.LocalityRef;

/**
 * Reads and writes exchanges with their participants, localities, themes and sources. Writes
 * take the caller's transaction ({@link SqlClient}) so that multi-row work is all or nothing.
 */
@ApplicationScoped
public class ExchangeRepository {

    private final Pool pool;
    private final Gazetteer gazetteer;

    public ExchangeRepository(Pool pool, Gazetteer gazetteer) {
        this.pool = pool;
        this.gazetteer = gazetteer;
    }

    private static final String UPDATE = """
            update exchange set natural_key = $2, date = $3, end_date = $4, date_precision = $5, format = $6,
                   kind = $7, venue_code = $8, level = $9, status = coalesce($10, status), notes = $11, content_hash = $12,
                   updated_at = now(), version = version + 1
            where id = $1""";

    public record Stored(long id, UUID publicId, String key, String contentHash, int version, String status) {
    }

    public Uni<Stored> findByKey(SqlClient c, String key) {
        return c.preparedQuery("select id, public_id, natural_key, content_hash, version, status from exchange where natural_key = $1 for update")
                .execute(Tuple.of(key)).map(ExchangeRepository::stored);
    }

    public Uni<Stored> findByPublicId(SqlClient c, UUID id, boolean lock) {
        return c.preparedQuery("select id, public_id, natural_key, content_hash, version, status from exchange where public_id = $1"
                + (lock ? " for update" : "")).execute(Tuple.of(id)).map(ExchangeRepository::stored);
    }

    private static Stored stored(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row r = rows.iterator().next();
        return new Stored(r.getLong("id"), r.getUUID("public_id"), r.getString("natural_key"), r.getString("content_hash"),
                r.getInteger("version"), r.getString("status"));
    }

    public Uni<Stored> insert(SqlClient c, ResolvedExchange e) {
        ValidExchange v = e.exchange();
        return c.preparedQuery("""
                insert into exchange (natural_key, date, end_date, date_precision, format, kind, venue_code, level,
                                      status, notes, content_hash)
                values ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, 'draft'), $10, $11)
                returning id, public_id, natural_key, content_hash, version, status""")
                .execute(Tuple.from(new Object[] { e.key(), v.date(), v.endDate(), v.datePrecision(), v.format(), v.kind(),
                        v.venue(), v.level(), v.status(), v.notes(), e.contentHash() }))
                .map(ExchangeRepository::stored)
                .call(s -> insertChildren(c, List.of(s.id()), List.of(e)))
                .call(s -> rollups(c, List.of(s.id()), 1));
    }

    public Uni<Stored> replace(SqlClient c, long id, ResolvedExchange e) {
        ValidExchange v = e.exchange();
        return rollups(c, List.of(id), -1).chain(() -> c.preparedQuery(UPDATE + " returning id, public_id, natural_key, content_hash, version, status")
                .execute(Tuple.from(new Object[] { id, e.key(), v.date(), v.endDate(), v.datePrecision(), v.format(),
                        v.kind(), v.venue(), v.level(), v.status(), v.notes(), e.contentHash() }))
                .map(ExchangeRepository::stored))
                .call(() -> deleteChildren(c, List.of(id)))
                .call(s -> insertChildren(c, List.of(id), List.of(e)))
                .call(s -> rollups(c, List.of(id), 1));
    }

    public Uni<Boolean> delete(SqlClient c, long id) {
        // only this exchange's sources can become orphans (not a scan of every source per delete)
        return rollups(c, List.of(id), -1)
                .chain(() -> c.preparedQuery("select array_agg(source_id order by source_id) from exchange_source where exchange_id = $1")
                        .execute(Tuple.of(id)).map(rows -> rows.iterator().next().getArrayOfLongs(0)))
                .chain(sources -> c.preparedQuery("delete from exchange where id = $1").execute(Tuple.of(id))
                        .call(() -> sources == null ? Uni.createFrom().voidItem()
                                : c.preparedQuery("delete from source s where s.id = any($1) and not exists "
                                        + "(select 1 from exchange_source es where es.source_id = s.id)").execute(Tuple.of(sources))))
                .map(r -> r.rowCount() > 0);
    }

    // ---- batches (the import) -----------------------------------------------------------------

    /** The stored exchanges among these natural keys, locked for the rest of the transaction. */
    public Uni<Map<String, Stored>> findByKeys(SqlClient c, List<String> keys) {
        return c.preparedQuery("select id, public_id, content_hash, version, status, natural_key from exchange "
                + "where natural_key = any($1) for update").execute(Tuple.of(keys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Stored> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString("natural_key"), new Stored(r.getLong("id"), r.getUUID("public_id"),
                                r.getString("natural_key"), r.getString("content_hash"), r.getInteger("version"), r.getString("status")));
                    }
                    return out;
                });
    }

    /**
     * Writes many exchanges in a few statements (arrays unnested server-side, not a statement per
     * row): {@code created} are inserted, {@code replaced} (with their stored ids) rewritten.
     * The replaced ones' old contribution leaves the summaries here; the caller adds the written
     * ones (returned: created, then replaced) with {@link #rollups} once it has written them all.
     */
    public Uni<List<Long>> writeAll(SqlClient c, List<ResolvedExchange> created, List<Long> replacedIds,
            List<ResolvedExchange> replaced) {
        return rollups(c, replacedIds, -1)
                .chain(() -> deleteChildren(c, replacedIds))
                .chain(() -> updateAll(c, replacedIds, replaced))
                .chain(() -> insertAll(c, created))
                .call(createdIds -> {
                    List<Long> ids = new ArrayList<>(createdIds);
                    ids.addAll(replacedIds);
                    List<ResolvedExchange> all = new ArrayList<>(created);
                    all.addAll(replaced);
                    return insertChildren(c, ids, all);
                })
                .map(createdIds -> {
                    List<Long> ids = new ArrayList<>(createdIds);
                    ids.addAll(replacedIds);
                    return ids;
                });
    }

    private Uni<List<Long>> insertAll(SqlClient c, List<ResolvedExchange> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = list.size();
        String[] key = new String[n], precision = new String[n], format = new String[n], kind = new String[n],
                venue = new String[n], level = new String[n], status = new String[n], notes = new String[n], hash = new String[n];
        LocalDate[] date = new LocalDate[n], end = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            ResolvedExchange r = list.get(i);
            ValidExchange v = r.exchange();
            key[i] = r.key();
            date[i] = v.date();
            end[i] = v.endDate();
            precision[i] = v.datePrecision();
            format[i] = v.format();
            kind[i] = v.kind();
            venue[i] = v.venue();
            level[i] = v.level();
            status[i] = v.status() == null ? "draft" : v.status();
            notes[i] = v.notes();
            hash[i] = r.contentHash();
        }
        return c.preparedQuery("""
                insert into exchange (natural_key, date, end_date, date_precision, format, kind, venue_code, level,
                                      status, notes, content_hash)
                select * from unnest($1::text[], $2::date[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[],
                                     $8::text[], $9::text[], $10::text[], $11::text[])
                returning id, natural_key""")
                .execute(Tuple.from(new Object[] { key, date, end, precision, format, kind, venue, level, status, notes, hash }))
                .map(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    rows.forEach(r -> ids.put(r.getString(1), r.getLong(0)));
                    return list.stream().map(r -> ids.get(r.key())).toList();
                });
    }

    private Uni<Void> updateAll(SqlClient c, List<Long> ids, List<ResolvedExchange> list) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ResolvedExchange e = list.get(i);
            ValidExchange v = e.exchange();
            rows.add(Tuple.from(new Object[] { ids.get(i), e.key(), v.date(), v.endDate(), v.datePrecision(), v.format(),
                    v.kind(), v.venue(), v.level(), v.status(), v.notes(), e.contentHash() }));
        }
        return batch(c, UPDATE, rows);
    }

    private Uni<Void> deleteChildren(SqlClient c, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple t = Tuple.of(ids.toArray(Long[]::new));
        return c.preparedQuery("delete from participant where exchange_id = any($1)").execute(t)
                .chain(() -> c.preparedQuery("delete from exchange_locality where exchange_id = any($1)").execute(t))
                .chain(() -> c.preparedQuery("delete from exchange_theme where exchange_id = any($1)").execute(t))
                .chain(() -> c.preparedQuery("delete from exchange_source where exchange_id = any($1)").execute(t))
                .replaceWithVoid();
    }

    /** Participants, localities, themes and sources of many exchanges: one statement per table. */
    private Uni<Void> insertChildren(SqlClient c, List<Long> ids, List<ResolvedExchange> list) {
        List<Object[]> participants = new ArrayList<>();
        List<Object[]> localities = new ArrayList<>();
        List<Object[]> themes = new ArrayList<>();
        List<Object[]> sources = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            ResolvedExchange e = list.get(i);
            ValidExchange v = e.exchange();
            for (int j = 0; j < v.participants().size(); j++) {
                ValidExchange.Participant p = v.participants().get(j);
                participants.add(new Object[] { id, j, e.personIds().get(j), p.side(), p.titles(), p.organisation(), p.locality() });
            }
            v.localities().forEach(l -> localities.add(new Object[] { id, l.code(), l.role() }));
            v.themes().forEach(t -> themes.add(new Object[] { id, t }));
            v.sources().forEach(s -> sources.add(new Object[] { id, s.url(), s.outlet(), s.title(), s.published(), s.language() }));
        }
        return unnest(c, """
                insert into participant (exchange_id, position, person_id, side, titles, organisation_code, locality_code)
                select * from unnest($1::bigint[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])""",
                participants, Long[]::new, Integer[]::new, Long[]::new, String[]::new, String[]::new, String[]::new, String[]::new)
                .chain(() -> unnest(c, "insert into exchange_locality (exchange_id, locality_code, role) "
                        + "select * from unnest($1::bigint[], $2::text[], $3::text[])", localities, Long[]::new, String[]::new, String[]::new))
                .chain(() -> unnest(c, "insert into exchange_theme (exchange_id, theme_code) select * from unnest($1::bigint[], $2::text[])",
                        themes, Long[]::new, String[]::new))
                .chain(() -> linkSources(c, sources));
    }

    /**
     * Rows of (exchange id, url, outlet, title, published, language). Sources are shared between
     * exchanges by URL: the first description of an article is kept. Two statements, not one: a
     * source another writer adds at the same moment is waited for by the first and only visible
     * to the second (a statement sees the data as it was when it began).
     */
    private static Uni<Void> linkSources(SqlClient c, List<Object[]> rows) {
        return unnest(c, """
                insert into source (url, outlet, title, published, language)
                select distinct on (url) url, outlet, title, published, language
                from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[])
                     with ordinality as s(exchange_id, url, outlet, title, published, language, n)
                order by url, n
                on conflict (url) do nothing""", rows, Long[]::new, String[]::new, String[]::new, String[]::new,
                LocalDate[]::new, String[]::new)
                .chain(() -> unnest(c, """
                        insert into exchange_source (exchange_id, source_id)
                        select s.exchange_id, src.id from unnest($1::bigint[], $2::text[]) as s(exchange_id, url)
                        join source src on src.url = s.url
                        on conflict do nothing""", rows.stream().map(r -> new Object[] { r[0], r[1] }).toList(),
                        Long[]::new, String[]::new));
    }

    /** One statement for many rows: column i of {@code rows} becomes the array parameter $i+1. */
    @SafeVarargs
    private static Uni<Void> unnest(SqlClient c, String sql, List<Object[]> rows, IntFunction<? extends Object[]>... types) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Object[] columns = new Object[types.length];
        for (int k = 0; k < types.length; k++) {
            Object[] column = types[k].apply(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                column[i] = rows.get(i)[k];
            }
            columns[k] = column;
        }
        return c.preparedQuery(sql).execute(Tuple.from(columns)).replaceWithVoid();
    }

    /**
     * Keeps the stats summaries exact in the caller's transaction: sign -1 takes these exchanges'
     * contribution away (before they change or go), +1 adds it (once they are written).
     */
    public Uni<Void> rollups(SqlClient c, List<Long> ids, int sign) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : c.preparedQuery("select stats_rollup_apply($1, $2)").execute(Tuple.of(ids.toArray(Long[]::new), sign))
                        .replaceWithVoid();
    }

    /** A stored exchange as the "already known" rule sees it. */
    /** {@code sameKey}: the stored record has the key looked for (a record with it made by a write that committed a moment ago). */
    public record Known(long id, UUID publicId, LocalDate date, String format, String kind, String venue, boolean sameKey) {
    }

    /**
     * The same exchange already stored: overlapping dates (a month- or year-precise date spans its
     * month or year) and a shared participant or participant locality; the one with this key first,
     * then one on the same day, a rejected one last.
     */
    public Uni<Known> findSame(SqlClient c, ResolvedExchange r) {
        ValidExchange v = r.exchange();
        LocalDate from = v.date();
        LocalDate to = v.endDate() != null ? v.endDate() : "day".equals(v.datePrecision()) ? v.date()
                : "month".equals(v.datePrecision()) ? v.date().plusMonths(1).minusDays(1) : v.date().plusYears(1).minusDays(1);
        Long[] people = r.personIds().toArray(Long[]::new);
        String[] places = v.localities().stream().filter(l -> l.role().equals("participant")).map(ValidExchange.LocalityRole::code)
                .toArray(String[]::new);
        return c.preparedQuery("""
                select e.id, e.public_id, e.date, e.format, e.kind, e.venue_code, e.natural_key = $5 from exchange e
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
                            Boolean.TRUE.equals(x.getBoolean(6)));
                });
    }

    /** The exchanges that have this URL as a source, by date: (public id, date). */
    public Uni<List<Map.Entry<UUID, LocalDate>>> bySource(SqlClient c, String url) {
        return c.preparedQuery("""
                select e.public_id, e.date from source s join exchange_source es on es.source_id = s.id
                join exchange e on e.id = es.exchange_id where s.url = $1 order by e.date""").execute(Tuple.of(url))
                .map(rows -> {
                    List<Map.Entry<UUID, LocalDate>> out = new ArrayList<>();
                    rows.forEach(r -> out.add(Map.entry(r.getUUID(0), r.getLocalDate(1))));
                    return out;
                });
    }

    /** A further report of a stored exchange: its themes, a note of what it says differently, a new version. */
    public Uni<Void> addReport(SqlClient c, long id, List<String> themes, String note) {
        List<Tuple> rows = themes.stream().map(t -> Tuple.of(id, t)).toList();
        return batch(c, "insert into exchange_theme (exchange_id, theme_code) values ($1, $2) on conflict do nothing", rows)
                .chain(() -> c.preparedQuery("""
                        update exchange set notes = case when $2::text is null then notes
                                                         when notes is null then $2 else notes || E'\\n' || $2 end,
                               updated_at = now(), version = version + 1
                        where id = $1""").execute(Tuple.of(id, note)))
                .replaceWithVoid();
    }

    public Uni<Void> setContentHash(SqlClient c, long id, String hash) {
        return c.preparedQuery("update exchange set content_hash = $2 where id = $1").execute(Tuple.of(id, hash)).replaceWithVoid();
    }

    /** Links these sources to one exchange (a merge of a further report). */
    public Uni<Void> linkSources(SqlClient c, long id, List<ValidExchange.Source> sources) {
        List<Object[]> rows = new ArrayList<>();
        sources.forEach(src -> rows.add(new Object[] { id, src.url(), src.outlet(), src.title(), src.published(), src.language() }));
        return linkSources(c, rows);
    }

    private static Uni<Void> batch(SqlClient c, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : c.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    // ---- reading ---------------------------------------------------------------------------

    public record Page(long total, List<ExchangeView> items) {
    }

    public Uni<Page> list(ExchangeFilter filter, String sort, int limit, long offset) {
        ExchangeSql.From from = ExchangeSql.from(filter);
        List<Object> pageArgs = new ArrayList<>(from.args());
        pageArgs.add(limit);
        pageArgs.add(offset);
        String idsSql = "select e.id" + from.sql() + " order by " + ExchangeSql.orderBy(sort)
                + " limit $" + (from.args().size() + 1) + " offset $" + (from.args().size() + 2);
        return pool.preparedQuery("select count(*)" + from.sql()).execute(Tuple.from(from.args()))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(total -> pool.preparedQuery(idsSql).execute(Tuple.from(pageArgs))
                        .chain(rows -> views(pool, ids(rows)))
                        .map(items -> new Page(total, items)));
    }

    /** Where an export page ended: the last row's sort value and id; null before the first page. */
    public record Cursor(Object value, long id) {
    }

    /** One export page: up to {@code size} exchanges after {@code after}, in {@code sort} order. */
    public record ExportPage(List<ExchangeView> items, Cursor last) {
    }

    /** Keyset pages (not offsets): each page costs the same however far into the dataset it is. */
    public Uni<ExportPage> pageAfter(ExchangeFilter filter, String sort, Cursor after, int size) {
        ExchangeSql.From from = ExchangeSql.from(filter);
        ExchangeSql.Sort order = ExchangeSql.sort(sort);
        List<Object> args = new ArrayList<>(from.args());
        String where = "";
        if (after != null) {
            args.add(after.value());
            args.add(after.id());
            where = " where " + order.after(args.size() - 1, args.size());
        }
        args.add(size);
        String sql = "select e.id, " + order.column() + from.sql() + where + " order by " + order.orderBy() + " limit $" + args.size();
        return pool.preparedQuery(sql).execute(Tuple.from(args)).chain(rows -> {
            List<Long> ids = ids(rows);
            Cursor last = after;
            for (Row r : rows) {
                last = new Cursor(r.getValue(1), r.getLong(0));
            }
            Cursor end = last;
            return views(pool, ids).map(items -> new ExportPage(items, end));
        });
    }

    public Uni<ExchangeView> view(SqlClient c, long id) {
        return views(c, List.of(id)).map(l -> l.isEmpty() ? null : l.get(0));
    }

    private static List<Long> ids(RowSet<Row> rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.getLong(0)));
        return ids;
    }

    /** Loads whole exchanges in the order of {@code ids}: one query per table, not one per exchange. */
    public Uni<List<ExchangeView>> views(SqlClient c, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Tuple arg = Tuple.of(ids.toArray(Long[]::new));
        Map<Long, List<ExchangeView.Participant>> participants = new HashMap<>();
        Map<Long, List<ExchangeView.LocalityRole>> localities = new HashMap<>();
        Map<Long, List<String>> themes = new HashMap<>();
        Map<Long, List<ExchangeView.Source>> sources = new HashMap<>();
        return c.preparedQuery("""
                select p.exchange_id, pe.name, p.side, p.titles, p.organisation_code, p.locality_code
                from participant p join person pe on pe.id = p.person_id
                where p.exchange_id = any($1) order by p.exchange_id, p.position""").execute(arg)
                .invoke(rows -> rows.forEach(r -> participants.computeIfAbsent(r.getLong(0), k -> new ArrayList<>())
                        .add(new ExchangeView.Participant(r.getString(1), r.getString(2).strip(), r.getString(3),
                                r.getString(4), ref(r.getString(5))))))
                .chain(() -> c.preparedQuery("""
                        select exchange_id, locality_code, role from exchange_locality where exchange_id = any($1)
                        order by exchange_id, array_position(array['participant','venue','mentioned'], role), locality_code""")
                        .execute(arg))
                .invoke(rows -> rows.forEach(r -> {
                    Locality l = gazetteer.byCode(r.getString(1));
                    localities.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(new ExchangeView.LocalityRole(
                            r.getString(1), l == null ? null : l.name(), l == null ? null : l.country(), r.getString(2)));
                }))
                .chain(() -> c.preparedQuery("select exchange_id, theme_code from exchange_theme where exchange_id = any($1) "
                        + "order by exchange_id, theme_code").execute(arg))
                .invoke(rows -> rows.forEach(r -> themes.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r.getString(1))))
                .chain(() -> c.preparedQuery("""
                        select es.exchange_id, s.url, s.outlet, s.title, s.published, s.language
                        from exchange_source es join source s on s.id = es.source_id
                        where es.exchange_id = any($1) order by es.exchange_id, s.published nulls last, s.url""").execute(arg))
                .invoke(rows -> rows.forEach(r -> sources.computeIfAbsent(r.getLong(0), k -> new ArrayList<>())
                        .add(new ExchangeView.Source(r.getString(1), r.getString(2), r.getString(3), r.getLocalDate(4),
                                r.getString(5)))))
                .chain(() -> c.preparedQuery("""
                        select id, public_id, natural_key, date, end_date, date_precision, format, kind, venue_code, level,
                               status, notes, created_at, updated_at, version
                        from exchange where id = any($1)""").execute(arg))
                .map(rows -> {
                    Map<Long, ExchangeView> byId = new LinkedHashMap<>();
                    for (Row r : rows) {
                        long id = r.getLong("id");
                        byId.put(id, new ExchangeView(r.getUUID("public_id"), r.getString("natural_key"),
                                r.getLocalDate("date"), r.getLocalDate("end_date"), r.getString("date_precision"),
                                r.getString("format"), r.getString("kind"), ref(r.getString("venue_code")),
                                r.getString("level"), r.getString("status"), r.getString("notes"),
                                participants.getOrDefault(id, List.of()), localities.getOrDefault(id, List.of()),
                                themes.getOrDefault(id, List.of()), sources.getOrDefault(id, List.of()),
                                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"), r.getInteger("version")));
                    }
                    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
                });
    }

    private LocalityRef ref(String code) {
        return code == null ? null : LocalityRef.of(gazetteer.byCode(code));
    }
}
