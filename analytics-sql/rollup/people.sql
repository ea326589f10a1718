-- people.sql from the maintained summaries (same columns, same rows).
\ir ../_params.psql
select pe.name, r.side, sum(r.n)::bigint as exchanges, min(r.first_date) as first_date, max(r.last_date) as last_date
from stats_person_rollup r join person pe on pe.id = r.person_id
where stats_status_ok(r.status, :'status') and r.n > 0 and (:'side' = '' or r.side = :'side')
  and stats_rollup_covers(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'theme', :'domain')
group by pe.name, r.side
order by exchanges desc, pe.name
limit nullif(:'top', '')::int;
