-- bench/run.sh, import step: the first :lim synthetic exchanges as an NDJSON file for
-- POST /api/exchanges/import (new keys and source URLs, so every line creates an exchange),
-- and the same rows as COPY input for bare tables (files :dir/import.<table>).
\set ON_ERROR_STOP on
-- (\copy takes no psql variables: copy ... to stdout under \o instead)
create temp table pick as
select e.*, 'bench-import-' || e.id as new_key from exchange e
where e.natural_key like 'synthetic-%' order by e.id limit :lim;

\o :out
copy (select json_build_object('key', p.new_key, 'date', p.date, 'end_date', p.end_date, 'date_precision', p.date_precision, 'format', p.format, 'kind', p.kind, 'venue', p.venue_code, 'level', p.level, 'status', p.status, 'notes', p.notes, 'participants', (select coalesce(json_agg(json_build_object('name', pe.name, 'side', pa.side, 'titles', pa.titles, 'organisation', pa.organisation_code, 'locality', pa.locality_code) order by pa.position), '[]') from participant pa join person pe on pe.id = pa.person_id where pa.exchange_id = p.id), 'localities', (select coalesce(json_agg(json_build_object('code', l.locality_code, 'role', l.role) order by l.role, l.locality_code), '[]') from exchange_locality l where l.exchange_id = p.id), 'themes', (select coalesce(json_agg(t.theme_code order by t.theme_code), '[]') from exchange_theme t where t.exchange_id = p.id), 'sources', (select coalesce(json_agg(json_build_object('url', replace(s.url, '/liaison/', '/import/'), 'outlet', s.outlet, 'title', s.title, 'published', s.published, 'language', s.language)), '[]') from exchange_source es join source s on s.id = es.source_id where es.exchange_id = p.id)) from pick p order by p.id) to stdout;
\o

-- the same rows, for COPY into tables without indexes, constraints or triggers
drop table if exists bare_exchange, bare_participant, bare_exchange_locality, bare_exchange_theme, bare_source, bare_exchange_source;
create table bare_exchange (like exchange);
create table bare_participant (like participant);
create table bare_exchange_locality (like exchange_locality);
create table bare_exchange_theme (like exchange_theme);
create table bare_source (like source);
create table bare_exchange_source (like exchange_source);
\set f_exchange :dir '/import.exchange'
\set f_participant :dir '/import.participant'
\set f_locality :dir '/import.locality'
\set f_theme :dir '/import.theme'
\set f_source :dir '/import.source'
\set f_exchange_source :dir '/import.exchange_source'
\o :f_exchange
copy (select id, public_id, new_key, date, end_date, date_precision, format, kind, venue_code, level, status, notes, content_hash, created_at, updated_at, version from pick) to stdout;
\o
\o :f_participant
copy (select pa.* from participant pa join pick p on p.id = pa.exchange_id) to stdout;
\o
\o :f_locality
copy (select l.* from exchange_locality l join pick p on p.id = l.exchange_id) to stdout;
\o
\o :f_theme
copy (select t.* from exchange_theme t join pick p on p.id = t.exchange_id) to stdout;
\o
\o :f_source
copy (select distinct s.id, replace(s.url, '/liaison/', '/import/'), s.outlet, s.title, s.published, s.language from source s join exchange_source es on es.source_id = s.id join pick p on p.id = es.exchange_id) to stdout;
\o
\o :f_exchange_source
copy (select es.* from exchange_source es join pick p on p.id = es.exchange_id) to stdout;
\o
