-- domains.sql from the maintained summaries (same columns, same rows).
\ir ../_params.psql
with periods as (select * from stats_rollup_periods(:'granularity', :'status')),
counts as (
    select stats_period(r.period, :'granularity') as period, r.domain, sum(r.n)::bigint as exchanges
    from stats_domain_rollup r
    where r.grain = case when :'granularity' in ('year', 'all') then 'year' else 'month' end and stats_status_ok(r.status, :'status') and r.n > 0
    group by 1, 2)
select c.period, c.domain, c.exchanges, p.period_exchanges,
       round(c.exchanges::numeric / p.period_exchanges, 4) as share
from counts c join periods p using (period)
where stats_rollup_covers(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'theme', :'domain')
order by c.period, c.exchanges desc, c.domain;
