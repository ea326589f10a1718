-- Exchanges per period, split by level and by format. Every period between the first and the
-- last exchange is a row, those without exchanges with zeros (a time series without gaps).
-- Parameters: the common filters, granularity (year|quarter|month|all).
-- Columns: period, exchanges, central, locality, in_person, online, phone, hybrid.
\ir _params.psql
with f as (select * from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role', :'theme', :'domain', :'person', :'q', :'status', :'boundaries')),
counts as (
    select stats_period(f.date, :'granularity') as period,
           count(*) as exchanges,
           count(*) filter (where f.level = 'central') as central,
           count(*) filter (where f.level = 'locality') as locality,
           count(*) filter (where f.format = 'in_person') as in_person,
           count(*) filter (where f.format = 'online') as online,
           count(*) filter (where f.format = 'phone') as phone,
           count(*) filter (where f.format = 'hybrid') as hybrid
    from f
    group by 1)
select p.period,
       coalesce(c.exchanges, 0) as exchanges, coalesce(c.central, 0) as central, coalesce(c.locality, 0) as locality,
       coalesce(c.in_person, 0) as in_person, coalesce(c.online, 0) as online, coalesce(c.phone, 0) as phone,
       coalesce(c.hybrid, 0) as hybrid
from stats_periods((select min(date) from f), (select max(date) from f), :'granularity') p(period)
left join counts c using (period)
order by 1;
