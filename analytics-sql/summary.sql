-- Totals of the filtered exchanges: how many, their date range, how many per level and per
-- status (the status counts ignore the status filter, so a review queue's size is always
-- visible), how many sources, and when the data last changed.
-- Parameters: the common filters.
-- Columns: exchanges, first_date, last_date, central, locality, draft, verified, rejected,
--          sources, data_version, last_change.
\ir _params.psql
with f as (select * from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role', :'theme', :'domain', :'person', :'q', :'status', :'boundaries')),
any_status as (
    select * from filtered_exchanges(:'from', :'to', :'level', :'format', :'kind', :'country', :'locality', :'role',
                                     :'theme', :'domain', :'person', :'q', 'draft,verified,rejected', :'boundaries'))
select (select count(*) from f) as exchanges,
       (select min(date) from f) as first_date,
       (select max(date) from f) as last_date,
       (select count(*) from f where level = 'central') as central,
       (select count(*) from f where level = 'locality') as locality,
       (select count(*) from any_status where status = 'draft') as draft,
       (select count(*) from any_status where status = 'verified') as verified,
       (select count(*) from any_status where status = 'rejected') as rejected,
       (select count(distinct es.source_id) from f join exchange_source es on es.exchange_id = f.id) as sources,
       dv.version as data_version,
       dv.changed_at as last_change
from data_version dv;
