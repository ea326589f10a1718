-- The most frequent participants: exchanges per person, with the first and last date.
-- Parameters: the common filters, side (VN|CN, '' for both), top (default: every person).
-- Columns: name, side, exchanges, first_date, last_date.
\ir _params.psql
select pe.name, p.side, count(distinct f.id) as exchanges, min(f.date) as first_date, max(f.date) as last_date
from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role', :'theme', :'domain', :'person', :'q', :'status', :'boundaries') f
join participant p on p.exchange_id = f.id
join person pe on pe.id = p.person_id
where (:'side' = '' or p.side = :'side')
group by pe.name, p.side
order by exchanges desc, pe.name
limit nullif(:'top', '')::int;
