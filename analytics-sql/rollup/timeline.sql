-- timeline.sql from the maintained summaries (same columns, same rows: every period between the
-- first and the last, zero-filled).
\ir ../_params.psql
with r as (
    select * from stats_exchange_rollup r
    where r.grain = case when :'granularity' in ('year', 'all') then 'year' else 'month' end and stats_status_ok(r.status, :'status') and r.n > 0
      and stats_rollup_covers(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'theme', :'domain')),
counts as (
    select stats_period(r.period, :'granularity') as period,
           sum(r.n)::bigint as exchanges,
           coalesce(sum(r.n) filter (where r.level = 'central'), 0)::bigint as central,
           coalesce(sum(r.n) filter (where r.level = 'locality'), 0)::bigint as locality,
           coalesce(sum(r.n) filter (where r.format = 'in_person'), 0)::bigint as in_person,
           coalesce(sum(r.n) filter (where r.format = 'online'), 0)::bigint as online,
           coalesce(sum(r.n) filter (where r.format = 'phone'), 0)::bigint as phone,
           coalesce(sum(r.n) filter (where r.format = 'hybrid'), 0)::bigint as hybrid
    from r
    group by 1)
select p.period,
       coalesce(c.exchanges, 0)::bigint as exchanges, coalesce(c.central, 0)::bigint as central,
       coalesce(c.locality, 0)::bigint as locality, coalesce(c.in_person, 0)::bigint as in_person,
       coalesce(c.online, 0)::bigint as online, coalesce(c.phone, 0)::bigint as phone, coalesce(c.hybrid, 0)::bigint as hybrid
from stats_periods((select min(period) from r), (select max(period) from r), :'granularity') p(period)
left join counts c using (period)
order by 1;
