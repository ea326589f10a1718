-- summary.sql from the maintained summaries (same columns, same values). First and last
-- dates come from the index on exchange(date): the first row of the right status ends the scan.
\ir ../_params.psql
with r as (select * from stats_exchange_rollup where grain = 'year' and n > 0)
select (select coalesce(sum(n), 0)::bigint from r where stats_status_ok(status, :'status')) as exchanges,
       (select min(date) from exchange where stats_status_ok(status, :'status')) as first_date,
       (select max(date) from exchange where stats_status_ok(status, :'status')) as last_date,
       (select coalesce(sum(n), 0)::bigint from r where stats_status_ok(status, :'status') and level = 'central') as central,
       (select coalesce(sum(n), 0)::bigint from r where stats_status_ok(status, :'status') and level = 'locality') as locality,
       (select coalesce(sum(n), 0)::bigint from r where status = 'draft') as draft,
       (select coalesce(sum(n), 0)::bigint from r where status = 'verified') as verified,
       (select coalesce(sum(n), 0)::bigint from r where status = 'rejected') as rejected,
       (select coalesce(sum(n), 0)::bigint from stats_source_mask where mask & stats_status_mask(:'status') <> 0) as sources,
       dv.version as data_version,
       dv.changed_at as last_change
from data_version dv
where stats_rollup_covers(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'theme', :'domain');
