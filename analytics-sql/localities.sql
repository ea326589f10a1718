-- Frequency of locality-level exchanges per participant locality (codebook section 2: an
-- exchange counts once for each locality that took part in it), optionally per period.
-- Parameters: the common filters, side (VN|CN, '' for both), granularity (year|quarter|
-- month|all; default for this aggregate: all), boundaries (as-named|current).
-- Columns: period, code, name, country, exchanges.
-- Without granularity this aggregate counts over the whole range.
\if :{?granularity} \else \set granularity 'all' \endif
\ir _params.psql
with f as (select * from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role', :'theme', :'domain', :'person', :'q', :'status', :'boundaries')),
units as (
    select distinct f.id, f.date, stats_unit(l.locality_code, :'boundaries') as code
    from f join exchange_locality l on l.exchange_id = f.id
    where l.role = 'participant')
select stats_period(u.date, :'granularity') as period, u.code, lo.name, lo.country, count(*) as exchanges
from units u join locality lo on lo.code = u.code
where (:'side' = '' or lo.country = :'side')
group by 1, 2, 3, 4
order by 1, exchanges desc, u.code;
