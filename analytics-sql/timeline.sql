-- Exchanges per period, split by level and by format.
-- Parameters: the common filters, granularity (year|quarter|month|all).
-- Columns: period, exchanges, central, locality, in_person, online, phone, hybrid.
\ir _params.psql
select stats_period(f.date, :'granularity') as period,
       count(*) as exchanges,
       count(*) filter (where f.level = 'central') as central,
       count(*) filter (where f.level = 'locality') as locality,
       count(*) filter (where f.format = 'in_person') as in_person,
       count(*) filter (where f.format = 'online') as online,
       count(*) filter (where f.format = 'phone') as phone,
       count(*) filter (where f.format = 'hybrid') as hybrid
from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role', :'theme', :'domain', :'person', :'q', :'status', :'boundaries') f
group by 1
order by 1;
