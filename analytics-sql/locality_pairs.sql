-- Exchanges per pair of participant localities (Vietnamese, Chinese): an exchange counts once
-- for every pair of a Vietnamese and a Chinese locality that both took part in it.
-- Parameters: the common filters, boundaries (as-named|current).
-- Columns: vn_code, vn_name, cn_code, cn_name, exchanges.
\ir _params.psql
with f as (select * from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role', :'theme', :'domain', :'person', :'q', :'status', :'boundaries')),
units as (
    select distinct f.id, stats_unit(l.locality_code, :'boundaries') as code
    from f join exchange_locality l on l.exchange_id = f.id
    where l.role = 'participant')
select vn.code as vn_code, vn.name as vn_name, cn.code as cn_code, cn.name as cn_name, count(*) as exchanges
from units a join locality vn on vn.code = a.code and vn.country = 'VN'
join units b on b.id = a.id
join locality cn on cn.code = b.code and cn.country = 'CN'
group by 1, 2, 3, 4
order by exchanges desc, vn_code, cn_code;
