-- Maintenance of the summaries read by analytics-sql/rollup/*.sql (tables: db/migration/V3).
-- The service calls stats_rollup_apply(ids, -1) before it changes or deletes exchanges and
-- stats_rollup_apply(ids, +1) after it has written them, in the same transaction, so the
-- summaries are always exactly the base tables aggregated. Anyone writing to the base tables
-- by hand (psql, a restore) runs `select stats_rollup_rebuild();` afterwards.
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

    execute format($q$
        insert into stats_exchange_rollup as r (grain, period, status, level, format, n)
        select g.grain, date_trunc(g.grain, e.date::timestamp)::date, e.status, e.level, e.format, $2 * count(*)
        from %1$s cross join (values ('year'), ('month')) g(grain)
        where true group by 1, 2, 3, 4, 5
        on conflict (grain, period, status, level, format) do update set n = r.n + excluded.n$q$, e_source)
    using ids, sign;

    execute format($q$
        insert into stats_theme_rollup as r (grain, period, status, theme_code, n)
        select g.grain, date_trunc(g.grain, e.date::timestamp)::date, e.status, t.theme_code, $2 * count(*)
        from %1$s join exchange_theme t on t.exchange_id = e.id cross join (values ('year'), ('month')) g(grain)
        where true group by 1, 2, 3, 4
        on conflict (grain, period, status, theme_code) do update set n = r.n + excluded.n$q$, e_source)
    using ids, sign;

    execute format($q$
        insert into stats_domain_rollup as r (grain, period, status, domain, n)
        select g.grain, date_trunc(g.grain, e.date::timestamp)::date, e.status, th.domain, $2 * count(distinct e.id)
        from %1$s join exchange_theme t on t.exchange_id = e.id join theme th on th.code = t.theme_code
             cross join (values ('year'), ('month')) g(grain)
        where true group by 1, 2, 3, 4
        on conflict (grain, period, status, domain) do update set n = r.n + excluded.n$q$, e_source)
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
            insert into stats_locality_rollup as r (grain, period, status, boundaries, code, n)
            select g.grain, date_trunc(g.grain, u.date::timestamp)::date, u.status, u.boundaries, u.code, $2 * count(*)
            from units u cross join (values ('year'), ('month')) g(grain)
            group by 1, 2, 3, 4, 5
            on conflict (grain, period, status, boundaries, code) do update set n = r.n + excluded.n)
        insert into stats_pair_rollup as r (status, boundaries, vn_code, cn_code, n)
        select a.status, a.boundaries, a.code, b.code, $2 * count(*)
        from units a join locality vn on vn.code = a.code and vn.country = 'VN'
        join units b on b.id = a.id and b.boundaries = a.boundaries
        join locality cn on cn.code = b.code and cn.country = 'CN'
        group by 1, 2, 3, 4
        on conflict (status, boundaries, vn_code, cn_code) do update set n = r.n + excluded.n$q$, e_source)
    using ids, sign;

    execute format($q$
        insert into stats_person_rollup as r (status, person_id, side, n, first_date, last_date)
        select e.status, p.person_id, p.side, $2 * count(*), min(e.date), max(e.date)
        from %1$s join participant p on p.exchange_id = e.id
        where true group by 1, 2, 3
        on conflict (status, person_id, side) do update set
            n = r.n + excluded.n,
            first_date = case when $2 > 0 then least(r.first_date, excluded.first_date) else r.first_date end,
            last_date = case when $2 > 0 then greatest(r.last_date, excluded.last_date) else r.last_date end,
            stale = r.stale or ($2 < 0 and (excluded.first_date <= r.first_date or excluded.last_date >= r.last_date))$q$,
        e_source)
    using ids, sign;

    execute format($q$
        insert into stats_cooccurrence_rollup as r (status, theme_a, theme_b, n)
        select e.status, a.theme_code, b.theme_code, $2 * count(*)
        from %1$s join exchange_theme a on a.exchange_id = e.id
        join exchange_theme b on b.exchange_id = e.id and a.theme_code < b.theme_code
        where true group by 1, 2, 3
        on conflict (status, theme_a, theme_b) do update set n = r.n + excluded.n$q$, e_source)
    using ids, sign;

    -- sources: new per-source counts, and the per-mask totals moved from each source's old
    -- mask to its new one (the CTE "old" reads the counts as they were before this statement)
    execute format($q$
        with delta as (
            select es.source_id,
                   $2 * count(*) filter (where e.status = 'draft') as draft,
                   $2 * count(*) filter (where e.status = 'verified') as verified,
                   $2 * count(*) filter (where e.status = 'rejected') as rejected
            from %1$s join exchange_source es on es.exchange_id = e.id
            where true group by 1),
        old as (
            select s.source_id, stats_source_bits(s.draft, s.verified, s.rejected) as mask
            from stats_source_rollup s join delta using (source_id)),
        new as (
            insert into stats_source_rollup as s (source_id, draft, verified, rejected)
            select source_id, draft, verified, rejected from delta
            on conflict (source_id) do update set draft = s.draft + excluded.draft,
                verified = s.verified + excluded.verified, rejected = s.rejected + excluded.rejected
            returning stats_source_bits(draft, verified, rejected) as mask),
        moves as (
            select mask, -1 as k from old union all select mask, 1 from new)
        insert into stats_source_mask as m (mask, n)
        select mask, sum(k) from moves where mask <> 0 group by mask having sum(k) <> 0
        on conflict (mask) do update set n = m.n + excluded.n$q$, e_source)
    using ids, sign;

    if sign < 0 then
        -- rows that no longer count anything: kept small, and never shown as zero
        delete from stats_exchange_rollup where n = 0;
        delete from stats_theme_rollup where n = 0;
        delete from stats_domain_rollup where n = 0;
        delete from stats_locality_rollup where n = 0;
        delete from stats_pair_rollup where n = 0;
        delete from stats_person_rollup where n = 0;
        delete from stats_cooccurrence_rollup where n = 0;
        delete from stats_source_rollup where draft = 0 and verified = 0 and rejected = 0;
        delete from stats_source_mask where n = 0;
    end if;
end
$fn$;

-- Recomputes a stale first/last date at commit (deferred: the rows removed are gone by then).
create or replace function stats_person_rollup_settle() returns trigger
language plpgsql as $fn$
begin
    update stats_person_rollup r set first_date = x.first_date, last_date = x.last_date, stale = false
    from (select min(e.date) as first_date, max(e.date) as last_date
          from participant p join exchange e on e.id = p.exchange_id
          where p.person_id = new.person_id and p.side = new.side and e.status = new.status) x
    where r.status = new.status and r.person_id = new.person_id and r.side = new.side and r.stale;
    return null;
end
$fn$;

drop trigger if exists stats_person_rollup_stale on stats_person_rollup;
create constraint trigger stats_person_rollup_stale after insert or update on stats_person_rollup
    deferrable initially deferred for each row when (new.stale) execute function stats_person_rollup_settle();

-- Recomputes every summary from the base tables.
create or replace function stats_rollup_rebuild() returns void
language plpgsql as $fn$
begin
    truncate stats_exchange_rollup, stats_theme_rollup, stats_domain_rollup, stats_locality_rollup,
             stats_pair_rollup, stats_person_rollup, stats_cooccurrence_rollup, stats_source_rollup, stats_source_mask;
    perform stats_rollup_apply(null, 1);
end
$fn$;

select stats_rollup_rebuild();
