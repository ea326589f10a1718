-- How often two themes are discussed in the same exchange (each unordered pair once, theme_a
-- before theme_b alphabetically), with how often each theme occurs on its own count.
-- Parameters: the common filters.
-- Columns: theme_a, theme_b, exchanges, exchanges_a, exchanges_b.
\ir _params.psql
with f as (select * from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role', :'theme', :'domain', :'person', :'q', :'status', :'boundaries')),
t as (select f.id, et.theme_code from f join exchange_theme et on et.exchange_id = f.id),
single as (select theme_code, count(*) as n from t group by 1)
select a.theme_code as theme_a, b.theme_code as theme_b, count(*) as exchanges,
       sa.n as exchanges_a, sb.n as exchanges_b
from t a join t b on a.id = b.id and a.theme_code < b.theme_code
join single sa on sa.theme_code = a.theme_code
join single sb on sb.theme_code = b.theme_code
group by 1, 2, sa.n, sb.n
order by exchanges desc, theme_a, theme_b;
