-- theme_cooccurrence.sql from the maintained summaries (same columns, same rows).
\ir ../_params.psql
with pairs as (
    select r.theme_a, r.theme_b, sum(r.n)::bigint as exchanges
    from stats_cooccurrence_rollup r
    where stats_status_ok(r.status, :'status') and r.n > 0
    group by 1, 2),
single as (
    select r.theme_code, sum(r.n)::bigint as n
    from stats_theme_rollup r
    where r.grain = 'year' and stats_status_ok(r.status, :'status') and r.n > 0
    group by 1)
select p.theme_a, p.theme_b, p.exchanges, sa.n as exchanges_a, sb.n as exchanges_b
from pairs p join single sa on sa.theme_code = p.theme_a join single sb on sb.theme_code = p.theme_b
where stats_rollup_covers(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'theme', :'domain')
order by exchanges desc, theme_a, theme_b;
