-- localities.sql from the maintained summaries (same columns, same rows).
\if :{?granularity} \else \set granularity 'all' \endif
\ir ../_params.psql
select stats_period(r.period, :'granularity') as period, r.code, lo.name, lo.country, sum(r.n)::bigint as exchanges
from stats_locality_rollup r join locality lo on lo.code = r.code
where r.grain = case when :'granularity' in ('year', 'all') then 'year' else 'month' end and r.boundaries = :'boundaries' and stats_status_ok(r.status, :'status') and r.n > 0
  and (:'side' = '' or lo.country = :'side')
  and stats_rollup_covers(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'theme', :'domain')
group by 1, 2, 3, 4
order by 1, exchanges desc, r.code;
