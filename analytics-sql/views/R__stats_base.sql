-- Shared building blocks of every aggregate in analytics-sql/. A Flyway repeatable migration:
-- the service applies it at start whenever this file changes, and psql users get the same
-- functions. Parameters arrive as text; '' means "not given".

-- The period an exchange falls in: '2023', '2023-Q3', '2023-09', or 'all'.
-- stable, not immutable: to_char is stable, and PostgreSQL inlines a SQL function only when it
-- is declared no less volatile than its body (inlined: 4x faster over 8,000 rollup rows).
create or replace function stats_period(d date, granularity text) returns text
language sql stable as $$
    select case granularity
        when 'year' then to_char(d, 'YYYY')
        when 'quarter' then to_char(d, 'YYYY') || '-Q' || to_char(d, 'Q')
        when 'month' then to_char(d, 'YYYY-MM')
        else 'all' end
$$;

-- Every period from lo's to hi's, in order (a time series with no gap: timeline.sql
-- zero-fills the periods without exchanges); 'all' is one period; no rows when lo is null.
create or replace function stats_periods(lo date, hi date, granularity text) returns setof text
language sql stable as $$
    select stats_period(d::date, granularity)
    from generate_series(date_trunc(case when granularity in ('quarter', 'month') then granularity else 'year' end, lo),
                         hi::timestamp,
                         case granularity when 'quarter' then interval '3 months' when 'month' then interval '1 month'
                                          else interval '1 year' end) d
    where granularity in ('year', 'quarter', 'month') or d = date_trunc('year', lo)
$$;

-- The unit a locality counts under: itself ('as-named'), or the unit that holds its territory
-- today ('current': Hà Giang -> Tuyên Quang). 'current' applies to the whole history, so a
-- current unit's series is comparable across years.
create or replace function stats_unit(locality_code text, boundaries text) returns text
language sql stable as $$
    select case when boundaries = 'current'
        then coalesce((select l.successor_code from locality l where l.code = locality_code), locality_code)
        else locality_code end
$$;

-- Text as the q filter compares it: lower case, diacritics dropped (đ -> d), every run of
-- other characters one space. The same folding as AliasKey.fold in the service (a test
-- compares them over every alias), so the person filter can compare with person_alias.alias_key.
create or replace function liaison_fold(t text) returns text
language sql stable as $$
    select btrim(regexp_replace(lower(unaccent('unaccent', coalesce(t, ''))), '[^a-z0-9]+', ' ', 'g'))
$$;

-- The one filter definition of every endpoint that selects exchanges: GET /api/exchanges, its
-- export and every /api/stats aggregate (the service passes the same parameters to all of them).
-- Parameters arrive as text; '' means "not given"; lists are comma-separated and mean OR.
--   p_from, p_to      YYYY-MM-DD; an exchange overlapping [from, to] counts
--   p_level, p_format, p_kind   codebook values
--   p_country         VN and/or CN: where the exchange took place (the venue's country)
--   p_locality        locality codes: exchanges where one of them has one of p_role's roles
--                     (default participant or venue), under p_boundaries
--   p_role            participant, venue, mentioned; only with p_locality
--   p_theme           theme codes: exchanges discussing any of them
--   p_domain          domains: exchanges discussing a theme of one of them
--   p_person          names or aliases of participants (any spelling: folded like alias keys)
--   p_q               text in the notes, participants' titles and names, sources' titles
--                     (folded: case and diacritics do not matter; folded once per query, in
--                     a sub-select, not once per row)
--   p_status          statuses; '' = every exchange that is not rejected
--   p_boundaries      'as-named' (default) or 'current'
drop function if exists stats_exchanges(text, text, text, text, text, text, text, text, text, text, text);
create or replace function filtered_exchanges(p_from text, p_to text, p_level text, p_format text, p_kind text,
        p_country text, p_locality text, p_role text, p_theme text, p_domain text, p_person text, p_q text,
        p_status text, p_boundaries text)
returns table (id bigint, date date, level text, format text, kind text, status text)
language sql stable as $$
    select e.id, e.date, e.level, e.format, e.kind, e.status
    from exchange e
    where (p_from = '' or coalesce(e.end_date, e.date) >= nullif(p_from, '')::date)
      and (p_to = '' or e.date <= nullif(p_to, '')::date)
      and (p_level = '' or e.level = any(string_to_array(p_level, ',')))
      and (p_format = '' or e.format = any(string_to_array(p_format, ',')))
      and (p_kind = '' or e.kind = any(string_to_array(p_kind, ',')))
      and (p_country = '' or exists (select 1 from locality v
            where v.code = e.venue_code and v.country = any(string_to_array(p_country, ','))))
      -- each list filter a correlated EXISTS: an index lookup per exchange, linear in the exchanges. Not
      -- "e.id in (select ...)": PostgreSQL hashes such a list only while it fits in work_mem, and past that
      -- (theme=trade-investment at 1,000,000 exchanges: 353,000 ids) scans it once per exchange. The
      -- locality filter's codes are worked out once (an InitPlan over the gazetteer), not a
      -- stats_unit() call per exchange locality (1.1 s at 220,000 exchanges).
      and (p_locality = '' or exists (
            select 1 from exchange_locality l
            where l.exchange_id = e.id
              and l.role = any(string_to_array(coalesce(nullif(p_role, ''), 'participant,venue'), ','))
              and l.locality_code = any(array(
                    select lo.code from locality lo where stats_unit(lo.code, p_boundaries) in (
                        select stats_unit(c, p_boundaries) from unnest(string_to_array(p_locality, ',')) c)))))
      and (p_theme = '' or exists (
            select 1 from exchange_theme t
            where t.exchange_id = e.id and t.theme_code = any(string_to_array(p_theme, ','))))
      and (p_domain = '' or exists (
            select 1 from exchange_theme t join theme th on th.code = t.theme_code
            where t.exchange_id = e.id and th.domain = any(string_to_array(p_domain, ','))))
      and (p_person = '' or exists (
            select 1 from participant p join person_alias pa on pa.person_id = p.person_id
            where p.exchange_id = e.id
              and pa.alias_key in (select replace(liaison_fold(n), ' ', '') from unnest(string_to_array(p_person, ',')) n)))
      and (p_q = '' or liaison_fold(e.notes) like '%' || (select liaison_fold(p_q)) || '%'
           or exists (select 1 from participant p where p.exchange_id = e.id
                      and liaison_fold(p.titles) like '%' || (select liaison_fold(p_q)) || '%')
           or exists (select 1 from participant p join person_alias pa on pa.person_id = p.person_id
                      where p.exchange_id = e.id and pa.alias_key like '%' || (select replace(liaison_fold(p_q), ' ', '')) || '%')
           or exists (select 1 from exchange_source es join source s on s.id = es.source_id
                      where es.exchange_id = e.id and liaison_fold(s.title) like '%' || (select liaison_fold(p_q)) || '%'))
      and (case when p_status = '' then e.status <> 'rejected'
                else e.status = any(string_to_array(p_status, ',')) end)
$$;
