-- One row per exchange changed by a committed write, in commit order (issue 15; the audit trail
-- and the change feed read it). version is the data_version the write's commit set: writes take
-- their version at commit, one after the other (the data_version row is locked until the commit
-- record), so a reader that sees version v has seen every change up to v, with no gap to wait for.
-- Written by liaison_write_commit() (analytics-sql/views/R__stats_rollups.sql) from the exchanges
-- the write handed to stats_rollup_apply(); a change made by hand in psql moves the data version
-- but leaves no row here.
create table change_log (
    version     bigint not null,
    exchange_id uuid not null,
    change      text not null check (change in ('created', 'updated', 'deleted')),
    changed_at  timestamptz not null,
    primary key (version, exchange_id)
);
create index change_log_exchange_idx on change_log (exchange_id, version);
