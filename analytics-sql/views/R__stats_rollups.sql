-- Maintenance of the summaries read by analytics-sql/rollup/*.sql (tables: db/migration/V3).
-- The service calls stats_rollup_apply(ids, -1) before it changes or deletes exchanges and
-- stats_rollup_apply(ids, +1) after it has written them, in the same transaction. Those calls
-- only note the change in temporary tables of the session (no lock on a summary row); at commit
-- stats_rollup_flush() folds the transaction's net change into the summaries in one lock order
-- (the tables in a fixed order, each in key order), then the data version moves. So concurrent
-- writers wait for each other only for the few milliseconds of a commit and never in a cycle
-- (issue 15: the old order, summary rows first and the data_version row in a statement trigger,
-- deadlocked), and the summaries are always exactly the base tables aggregated. Anyone writing
-- to the base tables by hand (psql, a restore) runs `select stats_rollup_rebuild();` afterwards.
-- A Flyway repeatable migration: when this file changes the service re-applies it at start,
-- which also rebuilds the summaries (last line), so a fix here repairs existing data.

-- The status filter of every aggregate: '' = every exchange that is not rejected.
create or replace function stats_status_ok(status text, p_status text) returns boolean
language sql immutable as $$
    select case when p_status = '' then status <> 'rejected' else status = any(string_to_array(p_status, ',')) end
$$;

-- The same filter as a bit mask over (draft 1, verified 2, rejected 4).
create or replace function stats_status_mask(p_status text) returns integer
language sql immutable as $$
    select case when p_status = '' then 3 else
        (case when 'draft' = any(string_to_array(p_status, ',')) then 1 else 0 end)
      | (case when 'verified' = any(string_to_array(p_status, ',')) then 2 else 0 end)
      | (case when 'rejected' = any(string_to_array(p_status, ',')) then 4 else 0 end) end
$$;

create or replace function stats_source_bits(draft integer, verified integer, rejected integer) returns integer
language sql immutable as $$
    select (case when draft > 0 then 1 else 0 end) | (case when verified > 0 then 2 else 0 end)
         | (case when rejected > 0 then 4 else 0 end)
$$;

-- The rollup files answer only requests without these filters (the service then runs the base
-- file instead); run by hand with one of them, they stop rather than answer wrongly.
create or replace function stats_rollup_covers(p_from text, p_to text, p_level text, p_format text, p_kind text,
        p_country text, p_locality text, p_theme text, p_domain text) returns boolean
language plpgsql stable as $fn$
begin
    if concat(p_from, p_to, p_level, p_format, p_kind, p_country, p_locality, p_theme, p_domain) <> '' then
        raise exception 'analytics-sql/rollup/ answers no from/to/level/format/kind/country/locality/theme/domain filter; run the file of the same name in analytics-sql/';
    end if;
    return true;
end
$fn$;

-- Exchanges per period from the summaries (themes' and domains' period_exchanges).
create or replace function stats_rollup_periods(p_granularity text, p_status text)
returns table (period text, period_exchanges bigint)
language sql stable as $$
    select stats_period(r.period, p_granularity), sum(r.n)::bigint
    from stats_exchange_rollup r
    where r.grain = case when p_granularity in ('year', 'all') then 'year' else 'month' end
      and stats_status_ok(r.status, p_status) and r.n > 0
    group by 1
$$;

-- Adds (sign = 1) or takes away (sign = -1) the contribution of the exchanges whose ids are
-- given (null = every exchange, for a rebuild). Set-based: one statement per summary, whatever
-- the number of exchanges, so a batch of an import costs a few statements.
create or replace function stats_rollup_apply(ids bigint[], sign integer) returns void
language plpgsql as $fn$
declare
    -- dynamic SQL: each call is planned for its own id list (an index lookup for a few ids,
    -- a scan for a rebuild) instead of one generic plan for both
    -- (driving from the id list, not filtering the tables by it: index lookups per id instead of
    -- a scan of every child table per import batch)
    e_source text := case when ids is null then 'exchange e'
                          else 'unnest($1::bigint[]) as affected(id) join exchange e on e.id = affected.id' end;
begin
    if sign not in (-1, 1) then
        raise exception 'sign must be 1 or -1, not %', sign;
    end if;
    perform liaison_mark_write();
    if ids is not null then
        -- for the change log at commit (a deleted exchange's public id is gone by then)
        insert into pg_temp.liaison_changed (public_id, sign) select e.public_id, sign from exchange e where e.id = any(ids);
    end if;

    execute format($q$
        insert into pg_temp.stats_pending_exchange (grain, period, status, level, format, n)
        select g.grain, date_trunc(g.grain, e.date::timestamp)::date, e.status, e.level, e.format, $2 * count(*)
        from %1$s cross join (values ('year'), ('month')) g(grain)
        where true group by 1, 2, 3, 4, 5$q$, e_source)
    using ids, sign;

    execute format($q$
        insert into pg_temp.stats_pending_theme (grain, period, status, theme_code, n)
        select g.grain, date_trunc(g.grain, e.date::timestamp)::date, e.status, t.theme_code, $2 * count(*)
        from %1$s join exchange_theme t on t.exchange_id = e.id cross join (values ('year'), ('month')) g(grain)
        where true group by 1, 2, 3, 4$q$, e_source)
    using ids, sign;

    execute format($q$
        insert into pg_temp.stats_pending_domain (grain, period, status, domain, n)
        select g.grain, date_trunc(g.grain, e.date::timestamp)::date, e.status, th.domain, $2 * count(distinct e.id)
        from %1$s join exchange_theme t on t.exchange_id = e.id join theme th on th.code = t.theme_code
             cross join (values ('year'), ('month')) g(grain)
        where true group by 1, 2, 3, 4$q$, e_source)
    using ids, sign;

    execute format($q$
        with units as (
            -- stats_unit() spelled out: a function with a subquery is not inlined, and a call per row is slow
            select distinct e.id, e.date, e.status, b.boundaries,
                   case when b.boundaries = 'current' then coalesce(lo.successor_code, lo.code) else lo.code end as code
            from %1$s join exchange_locality l on l.exchange_id = e.id and l.role = 'participant'
                 join locality lo on lo.code = l.locality_code
                 cross join (values ('as-named'), ('current')) b(boundaries)
            where true),
        localities as (
            insert into pg_temp.stats_pending_locality (grain, period, status, boundaries, code, n)
            select g.grain, date_trunc(g.grain, u.date::timestamp)::date, u.status, u.boundaries, u.code, $2 * count(*)
            from units u cross join (values ('year'), ('month')) g(grain)
            group by 1, 2, 3, 4, 5)
        insert into pg_temp.stats_pending_pair (status, boundaries, vn_code, cn_code, n)
        select a.status, a.boundaries, a.code, b.code, $2 * count(*)
        from units a join locality vn on vn.code = a.code and vn.country = 'VN'
        join units b on b.id = a.id and b.boundaries = a.boundaries
        join locality cn on cn.code = b.code and cn.country = 'CN'
        group by 1, 2, 3, 4$q$, e_source)
    using ids, sign;

    execute format($q$
        insert into pg_temp.stats_pending_person (status, person_id, side, n, first_date, last_date, sign)
        select e.status, p.person_id, p.side, $2 * count(*), min(e.date), max(e.date), $2
        from %1$s join participant p on p.exchange_id = e.id
        where true group by 1, 2, 3$q$, e_source)
    using ids, sign;

    execute format($q$
        insert into pg_temp.stats_pending_cooccurrence (status, theme_a, theme_b, n)
        select e.status, a.theme_code, b.theme_code, $2 * count(*)
        from %1$s join exchange_theme a on a.exchange_id = e.id
        join exchange_theme b on b.exchange_id = e.id and a.theme_code < b.theme_code
        where true group by 1, 2, 3$q$, e_source)
    using ids, sign;

    execute format($q$
        insert into pg_temp.stats_pending_source (source_id, draft, verified, rejected)
        select es.source_id,
               $2 * count(*) filter (where e.status = 'draft'),
               $2 * count(*) filter (where e.status = 'verified'),
               $2 * count(*) filter (where e.status = 'rejected')
        from %1$s join exchange_source es on es.exchange_id = e.id
        where true group by 1$q$, e_source)
    using ids, sign;
end
$fn$;

-- The stale flag of V3 belonged to the old per-statement upkeep; first/last dates are now
-- recomputed in stats_rollup_flush(), at commit, where the removed rows are already gone.
drop trigger if exists stats_person_rollup_stale on stats_person_rollup;
drop function if exists stats_person_rollup_settle();

-- Marks the current transaction as a write: its pending summary changes are flushed and the data
-- version moves when it commits (one deferred trigger per transaction, on a one-row temporary
-- table). Called by stats_rollup_apply() and by the statement triggers on the base tables, so a
-- write by hand moves the data version too. The session's temporary tables are made on first use.
create or replace function liaison_mark_write() returns void
language plpgsql as $fn$
begin
    if to_regclass('pg_temp.liaison_write') is null then
        create temp table liaison_write (pending boolean primary key);
        create constraint trigger liaison_write_commit after insert on liaison_write
            deferrable initially deferred for each row execute function liaison_write_commit();
        create temp table stats_pending_exchange (like stats_exchange_rollup);
        create temp table stats_pending_theme (like stats_theme_rollup);
        create temp table stats_pending_domain (like stats_domain_rollup);
        create temp table stats_pending_locality (like stats_locality_rollup);
        create temp table stats_pending_pair (like stats_pair_rollup);
        create temp table stats_pending_person (status text, person_id bigint, side char(2), n bigint,
                                                first_date date, last_date date, sign integer);
        create temp table stats_pending_cooccurrence (like stats_cooccurrence_rollup);
        create temp table stats_pending_source (source_id bigint, draft integer, verified integer, rejected integer);
        create temp table liaison_changed (public_id uuid, sign integer);
    end if;
    insert into pg_temp.liaison_write values (true) on conflict do nothing;
end
$fn$;

-- At the commit of a write: the summaries, then the single data_version row (ETags, "last
-- change", the cache notification) — the last lock taken, held only until the commit record —
-- and the change log under the version just taken. An exchange taken away only was deleted,
-- added only was created, both was updated.
create or replace function liaison_write_commit() returns trigger
language plpgsql as $fn$
declare
    v bigint;
begin
    perform stats_rollup_flush();
    delete from pg_temp.liaison_write;
    update data_version set version = version + 1, changed_at = now() returning version into v;
    insert into change_log (version, exchange_id, change, changed_at)
    select v, public_id, case when bool_and(sign > 0) then 'created' when bool_and(sign < 0) then 'deleted' else 'updated' end, now()
    from pg_temp.liaison_changed group by public_id;
    -- the audit trail's rows for these changes (db/migration/V7), under the same version
    perform liaison_audit_commit(v);
    delete from pg_temp.liaison_changed;
    perform pg_notify('liaison_data_changed', '');
    return null;
end
$fn$;

-- The base tables' statement triggers (V1, V3) call this.
create or replace function bump_data_version() returns trigger
language plpgsql as $fn$
begin
    perform liaison_mark_write();
    return null;
end
$fn$;

-- One summary of counts: the pending rows' net change per key added in key order (the lock
-- order), rows left at zero removed; keys whose net change is zero are not touched.
create or replace function stats_rollup_fold(summary text, pending text, keys text[]) returns void
language plpgsql as $fn$
declare
    k text := array_to_string(keys, ', ');
    r_keys text := (select string_agg('r.' || x, ', ') from unnest(keys) x);
    p_keys text := (select string_agg('p.' || x, ', ') from unnest(keys) x);
begin
    execute format('insert into %1$I as r (%3$s, n) select %3$s, sum(n) from pg_temp.%2$I group by %3$s '
                   'having sum(n) <> 0 order by %3$s on conflict (%3$s) do update set n = r.n + excluded.n',
                   summary, pending, k);
    execute format('delete from %1$I r using pg_temp.%2$I p where r.n = 0 and (%3$s) = (%4$s)', summary, pending, r_keys, p_keys);
end
$fn$;

-- Folds the session's pending changes into the summaries and empties them. Lock order, the same
-- for every writer: the tables in the order below, each one's rows in key order (the sorted
-- insert … on conflict takes them one by one); rows whose net change is zero are not touched.
create or replace function stats_rollup_flush() returns void
language plpgsql as $fn$
begin
    if to_regclass('pg_temp.stats_pending_exchange') is null then
        return;
    end if;

    perform stats_rollup_fold('stats_exchange_rollup', 'stats_pending_exchange', array['grain', 'period', 'status', 'level', 'format']);
    perform stats_rollup_fold('stats_theme_rollup', 'stats_pending_theme', array['grain', 'period', 'status', 'theme_code']);
    perform stats_rollup_fold('stats_domain_rollup', 'stats_pending_domain', array['grain', 'period', 'status', 'domain']);
    perform stats_rollup_fold('stats_locality_rollup', 'stats_pending_locality', array['grain', 'period', 'status', 'boundaries', 'code']);
    perform stats_rollup_fold('stats_pair_rollup', 'stats_pending_pair', array['status', 'boundaries', 'vn_code', 'cn_code']);

    -- every person row with a pending change is taken (also net zero: a date may have moved)
    insert into stats_person_rollup as r (status, person_id, side, n, first_date, last_date)
    select status, person_id, side, sum(n), min(first_date) filter (where sign > 0), max(last_date) filter (where sign > 0)
    from pg_temp.stats_pending_person group by 1, 2, 3 order by 1, 2, 3
    on conflict (status, person_id, side) do update set n = r.n + excluded.n,
        first_date = least(r.first_date, excluded.first_date), last_date = greatest(r.last_date, excluded.last_date);
    -- a removal that took a row's first or last date: recomputed from the base tables as committed
    update stats_person_rollup r set
        first_date = (select min(e.date) from participant p join exchange e on e.id = p.exchange_id
                      where p.person_id = r.person_id and p.side = r.side and e.status = r.status),
        last_date = (select max(e.date) from participant p join exchange e on e.id = p.exchange_id
                     where p.person_id = r.person_id and p.side = r.side and e.status = r.status)
    from (select status, person_id, side, min(first_date) as f, max(last_date) as l
          from pg_temp.stats_pending_person where sign < 0 group by 1, 2, 3) x
    where (r.status, r.person_id, r.side) = (x.status, x.person_id, x.side) and r.n > 0
      and (x.f <= r.first_date or x.l >= r.last_date);
    delete from stats_person_rollup r using pg_temp.stats_pending_person p
    where r.n = 0 and (r.status, r.person_id, r.side) = (p.status, p.person_id, p.side);

    perform stats_rollup_fold('stats_cooccurrence_rollup', 'stats_pending_cooccurrence', array['status', 'theme_a', 'theme_b']);

    -- sources: first every changed source's row, created or locked in key order, so that the
    -- masks moved next are read from rows no one else can change before this commit
    insert into stats_source_rollup as s (source_id, draft, verified, rejected)
    select source_id, 0, 0, 0 from pg_temp.stats_pending_source group by 1
    having sum(draft) <> 0 or sum(verified) <> 0 or sum(rejected) <> 0 order by 1
    on conflict (source_id) do update set draft = s.draft;
    with delta as (
        select source_id, sum(draft) as draft, sum(verified) as verified, sum(rejected) as rejected
        from pg_temp.stats_pending_source group by 1
        having sum(draft) <> 0 or sum(verified) <> 0 or sum(rejected) <> 0),
    old as (
        select s.source_id, stats_source_bits(s.draft, s.verified, s.rejected) as mask
        from stats_source_rollup s join delta using (source_id)),
    new as (
        update stats_source_rollup s set draft = s.draft + d.draft, verified = s.verified + d.verified,
            rejected = s.rejected + d.rejected
        from delta d where d.source_id = s.source_id
        returning stats_source_bits(s.draft, s.verified, s.rejected) as mask),
    moves as (
        select mask, -1 as k from old union all select mask, 1 from new)
    insert into stats_source_mask as m (mask, n)
    select mask, sum(k) from moves where mask <> 0 group by mask having sum(k) <> 0 order by mask
    on conflict (mask) do update set n = m.n + excluded.n;
    delete from stats_source_rollup s using pg_temp.stats_pending_source p
    where s.source_id = p.source_id and s.draft = 0 and s.verified = 0 and s.rejected = 0;
    delete from stats_source_mask where n = 0;

    delete from pg_temp.stats_pending_exchange;
    delete from pg_temp.stats_pending_theme;
    delete from pg_temp.stats_pending_domain;
    delete from pg_temp.stats_pending_locality;
    delete from pg_temp.stats_pending_pair;
    delete from pg_temp.stats_pending_person;
    delete from pg_temp.stats_pending_cooccurrence;
    delete from pg_temp.stats_pending_source;
end
$fn$;

-- Recomputes every summary from the base tables (and moves the data version at commit).
create or replace function stats_rollup_rebuild() returns void
language plpgsql as $fn$
begin
    truncate stats_exchange_rollup, stats_theme_rollup, stats_domain_rollup, stats_locality_rollup,
             stats_pair_rollup, stats_person_rollup, stats_cooccurrence_rollup, stats_source_rollup, stats_source_mask;
    perform stats_rollup_apply(null, 1);
    perform stats_rollup_flush();
end
$fn$;

select stats_rollup_rebuild();
