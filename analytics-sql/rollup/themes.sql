-- themes.sql from the maintained summaries (same columns, same rows); used when no filter but
-- status, boundaries, granularity and top is given. See analytics-sql/README.md.
\ir ../_params.psql
with periods as (select * from stats_rollup_periods(:'granularity', :'status')),
counts as (
    select stats_period(r.period, :'granularity') as period, r.theme_code as theme, th.domain, sum(r.n)::bigint as exchanges
    from stats_theme_rollup r join theme th on th.code = r.theme_code
    where r.grain = case when :'granularity' in ('year', 'all') then 'year' else 'month' end and stats_status_ok(r.status, :'status') and r.n > 0
    group by 1, 2, 3),
kept as (
    select theme from counts group by theme
    order by sum(exchanges) desc, theme limit nullif(:'top', '')::int)
select c.period, c.theme, c.domain, c.exchanges, p.period_exchanges,
       round(c.exchanges::numeric / p.period_exchanges, 4) as share
from counts c join periods p using (period)
where c.theme in (select theme from kept)
  and stats_rollup_covers(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'theme', :'domain')
order by c.period, c.exchanges desc, c.theme;
