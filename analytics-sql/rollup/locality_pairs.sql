-- locality_pairs.sql from the maintained summaries (same columns, same rows).
\ir ../_params.psql
select r.vn_code, vn.name as vn_name, r.cn_code, cn.name as cn_name, sum(r.n)::bigint as exchanges
from stats_pair_rollup r join locality vn on vn.code = r.vn_code join locality cn on cn.code = r.cn_code
where r.boundaries = :'boundaries' and stats_status_ok(r.status, :'status') and r.n > 0
  and stats_rollup_covers(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'theme', :'domain')
group by 1, 2, 3, 4
order by exchanges desc, vn_code, cn_code;
