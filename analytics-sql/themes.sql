-- Exchanges per theme per period, each with its share of that period's exchanges (a raw count
-- and a normalised share, as GDELT timelines give both).
-- Parameters: the common filters, granularity (year|quarter|month|all), domain (also limits
-- the rows to that domain's themes), top (the N themes most discussed over the whole range).
-- Columns: period, theme, domain, exchanges, period_exchanges, share.
\ir _params.psql
with f as (select * from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role', :'theme', :'domain', :'person', :'q', :'status', :'boundaries')),
periods as (
    select stats_period(f.date, :'granularity') as period, count(*) as period_exchanges from f group by 1),
counts as (
    select stats_period(f.date, :'granularity') as period, t.theme_code as theme, th.domain, count(*) as exchanges
    from f join exchange_theme t on t.exchange_id = f.id join theme th on th.code = t.theme_code
    where (:'domain' = '' or th.domain = any(string_to_array(:'domain', ',')))
    group by 1, 2, 3),
kept as (
    select theme from counts group by theme
    order by sum(exchanges) desc, theme limit nullif(:'top', '')::int)
select c.period, c.theme, c.domain, c.exchanges, p.period_exchanges,
       round(c.exchanges::numeric / p.period_exchanges, 4) as share
from counts c join periods p using (period)
where c.theme in (select theme from kept)
order by c.period, c.exchanges desc, c.theme;
