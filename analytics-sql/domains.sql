-- Exchanges per domain of the codebook per period: an exchange counts once for a domain when
-- it discusses at least one of the domain's themes. share = exchanges / period_exchanges.
-- Parameters: the common filters, granularity (year|quarter|month|all).
-- Columns: period, domain, exchanges, period_exchanges, share.
\ir _params.psql
with f as (select * from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role', :'theme', :'domain', :'person', :'q', :'status', :'boundaries')),
periods as (
    select stats_period(f.date, :'granularity') as period, count(*) as period_exchanges from f group by 1),
counts as (
    select stats_period(f.date, :'granularity') as period, th.domain, count(distinct f.id) as exchanges
    from f join exchange_theme t on t.exchange_id = f.id join theme th on th.code = t.theme_code
    group by 1, 2)
select c.period, c.domain, c.exchanges, p.period_exchanges,
       round(c.exchanges::numeric / p.period_exchanges, 4) as share
from counts c join periods p using (period)
order by c.period, c.exchanges desc, c.domain;
