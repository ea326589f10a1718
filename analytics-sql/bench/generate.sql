-- Synthetic exchanges for benchmarks and scale tests:
--   psql -v n=1000000 -f analytics-sql/bench/generate.sql
-- The file defines synthetic_generate(n) and, under psql, calls it; tests load the same file
-- over JDBC (skipping the psql lines) and call the function.
--
-- Deterministic: every random draw is a hash of (row number, draw number), so the same n gives
-- the same rows whatever the plan, parallelism or order of evaluation (setseed()+random()
-- would depend on the order rows are produced in).
-- Marked: every synthetic record has the key 'synthetic-<i>', the note 'SYNTHETIC ...' and cites
-- only https://synthetic.invalid/ (".invalid" is reserved: RFC 2606), and its people are
-- named 'Synthetic person VN|CN nnnn'. Remove them with
--   delete from exchange where natural_key like 'synthetic-%';  select stats_rollup_rebuild();
-- Re-running replaces the earlier synthetic rows (a million take a few minutes to delete).
--
-- Shapes (issue 6): dates 2000-01 .. 2026-11 growing 12 % a year; 60 % of exchanges between
-- localities, drawn from a long tail where the border provinces and Guangxi dominate; 1-4
-- themes each from a long tail; 2-8 participants from a pool of 1,500 a side, famous ones
-- recurring; formats, kinds and statuses in plausible shares (see the case expressions).
\set ON_ERROR_STOP on
\if :{?n} \else \set n 10000 \endif
\timing on

-- uniform [0, 1) from (row, draw)
create or replace function synthetic_u(i bigint, draw int) returns float8 language sql immutable parallel safe as
$$ select (hashint8(i * 7919 + draw) & 2147483647)::float8 / 2147483648.0 $$;

create or replace function synthetic_generate(n integer) returns bigint
language plpgsql as $fn$
declare
    id_base bigint;
    source_base bigint;
begin
    -- the rows are consistent by construction: a superuser skips the per-row foreign-key
    -- checks (3/4 of the time otherwise); the summaries and the data version are redone below
    if (select rolsuper from pg_roles where rolname = current_user) then
        perform set_config('session_replication_role', 'replica', true);
    end if;
    perform set_config('max_parallel_workers_per_gather', '0', true);
    perform set_config('client_min_messages', 'warning', true);

    delete from exchange_source where exchange_id in (select id from exchange where natural_key like 'synthetic-%');
    delete from participant where exchange_id in (select id from exchange where natural_key like 'synthetic-%');
    delete from exchange_locality where exchange_id in (select id from exchange where natural_key like 'synthetic-%');
    delete from exchange_theme where exchange_id in (select id from exchange where natural_key like 'synthetic-%');
    delete from exchange where natural_key like 'synthetic-%';
    delete from source where url like 'https://synthetic.invalid/%'
        and not exists (select 1 from exchange_source es where es.source_id = source.id);

    -- the pool of people: rank 1 is the most frequent
    insert into person (name, side)
    select format('Synthetic person %s %s', s.side, to_char(r, 'FM0000')), s.side
    from (values ('VN'), ('CN')) s(side), generate_series(1, 1500) r
    on conflict (name) do nothing;
    insert into person_alias (person_id, alias, alias_key)
    select id, name, lower(replace(name, ' ', '')) from person where name like 'Synthetic person %'
    on conflict do nothing;
    drop table if exists pg_temp.pool, pg_temp.vn_pool, pg_temp.cn_pool, pg_temp.themes_by_rank, pg_temp.g, pg_temp.gl;
    create temp table pool on commit drop as
    select side, substring(name from '\d+$')::int as rank, id from person where name like 'Synthetic person %';
    create index on pool (side, rank);

    -- localities by frequency: border provinces and Guangxi first, then the big cities, then the rest
    create temp table vn_pool on commit drop as
    select row_number() over (order by coalesce(array_position(array['VN-09','VN-13','VN-02','VN-04','VN-03','VN-HN',
            'VN-HP','VN-71','VN-01','VN-SG','VN-DN','VN-07','VN-05','VN-06'], code), 100), code) as rank, code
    from locality where country = 'VN';
    create temp table cn_pool on commit drop as
    select row_number() over (order by coalesce(array_position(array['CN-GX','CN-YN','CN-450100','CN-450600','CN-451400',
            'CN-GD','CN-450300','CN-530100','CN-532500','CN-HI','CN-440100','CN-440300','CN-BJ','CN-SH','CN-ZJ',
            'CN-SC','CN-GZ','CN-FJ'], code), 100), code) as rank, code
    from locality where country = 'CN';
    create temp table themes_by_rank on commit drop as
    select r::int as rank, c as code from unnest(array['trade-investment','high-level-trust','party-building',
        'people-to-people','infrastructure-connectivity','border-management','agriculture','tourism','education',
        'theory','governance','security-defence','science-technology','personnel-training','media-communications',
        'digital-transformation','healthcare','green-development','environment-climate','maritime',
        'artificial-intelligence']) with ordinality t(c, r);

    select coalesce(max(id), 0) into id_base from exchange;
    select coalesce(max(id), 0) into source_base from source;
    create temp table g on commit drop as
    with draws as (
        select i,
               -- exponential growth, 12 % a year, over 26.9 years from 2000-01-01
               (date '2000-01-01' + floor(ln(1 + synthetic_u(i, 1) * (exp(0.1133 * 26.87) - 1)) / 0.1133 * 365.25)::int) as day,
               synthetic_u(i, 2) as uf, synthetic_u(i, 3) as uk, synthetic_u(i, 4) as ul, synthetic_u(i, 5) as us,
               synthetic_u(i, 6) as uv, synthetic_u(i, 7) as uc, synthetic_u(i, 8) as u2, synthetic_u(i, 9) as uv2,
               synthetic_u(i, 10) as uven, synthetic_u(i, 11) as up, synthetic_u(i, 12) as ue
        from generate_series(1, n) i)
    select i, id_base + i as id,
           case when up < 0.03 then date_trunc('month', day)::date else day end as date,
           case when up < 0.03 then 'month' else 'day' end as date_precision,
           case when uf < 0.70 then 'in_person' when uf < 0.88 then 'online' when uf < 0.94 then 'phone' else 'hybrid' end as format,
           case when uk < 0.35 then 'talks' when uk < 0.65 then 'meeting' when uk < 0.80 then 'courtesy_call'
                when uk < 0.90 then 'workshop' when uk < 0.95 then 'signing' else 'other' end as kind,
           case when ul < 0.60 then 'locality' else 'central' end as level,
           case when us < 0.70 then 'verified' when us < 0.98 then 'draft' else 'rejected' end as status,
           1 + floor(power(uv, 2.2) * (select count(*) from vn_pool))::int as vn_rank,
           1 + floor(power(uc, 2.5) * (select count(*) from cn_pool))::int as cn_rank,
           case when u2 < 0.2 then 1 + floor(power(uv2, 1.5) * (select count(*) from vn_pool))::int end as vn2_rank,
           uven, ue
    from draws;

    create temp table gl on commit drop as
    select g.*,
           -- after the 2025 merger only current Vietnamese units take part
           case when g.date >= date '2025-07-01' then stats_unit(v.code, 'current') else v.code end as vn_code,
           c.code as cn_code,
           case when g.date >= date '2025-07-01' then stats_unit(v2.code, 'current') else v2.code end as vn2_code
    from g join vn_pool v on v.rank = g.vn_rank join cn_pool c on c.rank = g.cn_rank
    left join vn_pool v2 on v2.rank = g.vn2_rank;

    insert into exchange (id, natural_key, date, end_date, date_precision, format, kind, venue_code, level, status, notes,
                          content_hash)
    select id, 'synthetic-' || i, date,
           case when kind = 'workshop' and ue < 0.3 and date_precision = 'day' then date + 1 + (ue * 10)::int % 2 end,
           date_precision, format, kind,
           case when format not in ('in_person', 'hybrid') then null
                when level = 'locality' then case when uven < 0.5 then vn_code else cn_code end
                else case when uven < 0.5 then 'VN-HN' else 'CN-BJ' end end,
           level, status, 'SYNTHETIC: generated by analytics-sql/bench/generate.sql, not a real exchange',
           md5('synthetic-' || i)
    from gl;
    perform setval(pg_get_serial_sequence('exchange', 'id'), (select max(id) from exchange));

    insert into exchange_locality (exchange_id, locality_code, role)
    select id, vn_code, 'participant' from gl where level = 'locality'
    union
    select id, cn_code, 'participant' from gl where level = 'locality'
    union
    select id, vn2_code, 'participant' from gl where level = 'locality' and vn2_code is not null
    union
    select e.id, e.venue_code, 'venue' from exchange e join gl on gl.id = e.id where e.venue_code is not null;

    insert into exchange_theme (exchange_id, theme_code)
    select distinct g.id, t.code
    from g cross join lateral generate_series(1, 1 + floor(power(synthetic_u(g.i, 20), 1.3) * 4)::int) k
    join themes_by_rank t on t.rank = 1 + floor(power(synthetic_u(g.i, 20 + k), 1.8) * 21)::int;

    insert into participant (exchange_id, position, person_id, side, titles, locality_code)
    select id, row_number() over (partition by id order by k) - 1, person_id, side, 'synthetic participant',
           case when level = 'locality' then case when side = 'VN' then vn_code else cn_code end end
    from (
        select distinct on (gl.id, p.id) gl.id, gl.level, gl.vn_code, gl.cn_code, k, p.id as person_id, p.side
        from gl cross join lateral generate_series(0, 1 + floor(power(synthetic_u(gl.i, 40), 1.6) * 7)::int) k
        cross join lateral (select case when k % 2 = 0 then 'VN' else 'CN' end as side,
                                        1 + floor(power(synthetic_u(gl.i, 41 + k), 3) * 1500)::int as rank) d
        join pool p on p.side = d.side and p.rank = d.rank
        order by gl.id, p.id, k) x;

    -- about four sources for five exchanges: consecutive exchanges sometimes share a report
    insert into source (id, url, outlet, title, published, language)
    select distinct source_base + (i * 4 + 4) / 5, 'https://synthetic.invalid/liaison/' || ((i * 4 + 4) / 5),
           'synthetic.invalid', 'Synthetic report ' || ((i * 4 + 4) / 5), date, 'en'
    from (select distinct on ((i * 4 + 4) / 5) i, date from g order by (i * 4 + 4) / 5, i) s
    on conflict (url) do nothing;
    perform setval(pg_get_serial_sequence('source', 'id'), (select max(id) from source));
    insert into exchange_source (exchange_id, source_id)
    select g.id, s.id from g join source s on s.url = 'https://synthetic.invalid/liaison/' || ((g.i * 4 + 4) / 5);
    perform stats_rollup_rebuild();
    update data_version set version = version + 1, changed_at = now();
    perform pg_notify('liaison_data_changed', '');
    return n;
end
$fn$;

-- psql only from here (tests over JDBC stop at this line):
\if :{?skip_run} \else
select synthetic_generate(:n);
analyze;
select count(*) filter (where natural_key like 'synthetic-%') as synthetic_exchanges, count(*) as all_exchanges from exchange;
\endif
