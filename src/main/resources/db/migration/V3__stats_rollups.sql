-- Maintained summaries behind /api/stats (issue 6): the aggregates read these instead of the
-- base tables when a request has no filter that the summaries cannot answer. They are kept
-- exact by stats_rollup_apply() in the same transaction as every write (see
-- analytics-sql/views/R__stats_rollups.sql); stats_rollup_rebuild() recomputes them from scratch.
--
-- grain: 'year' or 'month'. Both are kept so that a yearly (or whole-range) answer sums a
-- twelfth of the rows a monthly one does; period is the first day of the year or month.

create table stats_exchange_rollup (
    grain   text not null, period date not null, status text not null, level text not null, format text not null,
    n       bigint not null,
    primary key (grain, period, status, level, format)
);

create table stats_theme_rollup (
    grain   text not null, period date not null, status text not null, theme_code text not null,
    n       bigint not null,
    primary key (grain, period, status, theme_code)
);

-- exchanges discussing at least one theme of the domain (an exchange counts once per domain)
create table stats_domain_rollup (
    grain   text not null, period date not null, status text not null, domain text not null,
    n       bigint not null,
    primary key (grain, period, status, domain)
);

-- participant localities, once per exchange and unit, under both boundary rules
create table stats_locality_rollup (
    grain   text not null, period date not null, status text not null, boundaries text not null, code text not null,
    n       bigint not null,
    primary key (grain, period, status, boundaries, code)
);

create table stats_pair_rollup (
    status  text not null, boundaries text not null, vn_code text not null, cn_code text not null,
    n       bigint not null,
    primary key (status, boundaries, vn_code, cn_code)
);

-- first/last dates cannot be decremented: a removal that takes away a row's first or last
-- date marks it stale, and a deferred trigger recomputes it at commit.
create table stats_person_rollup (
    status  text not null, person_id bigint not null, side char(2) not null,
    n       bigint not null, first_date date, last_date date, stale boolean not null default false,
    primary key (status, person_id, side)
);

create table stats_cooccurrence_rollup (
    status  text not null, theme_a text not null, theme_b text not null,
    n       bigint not null,
    primary key (status, theme_a, theme_b)
);

-- distinct sources per status set: per source the number of exchanges of each status citing
-- it, and per status bit mask (draft 1, verified 2, rejected 4) the number of sources with
-- exactly that mask. "Sources of draft or verified exchanges" = sources whose mask has bit 1 or 2.
create table stats_source_rollup (
    source_id bigint primary key,
    draft   integer not null, verified integer not null, rejected integer not null
);
create table stats_source_mask (
    mask    integer primary key check (mask between 1 and 7),
    n       bigint not null
);

-- Every statement that changes exchanges tells listening service instances (one notification
-- per transaction: identical payloads are folded), so their response caches drop stale answers.
create or replace function bump_data_version() returns trigger language plpgsql as $$
begin
    update data_version set version = version + 1, changed_at = now();
    perform pg_notify('liaison_data_changed', '');
    return null;
end $$;

create trigger exchange_source_changed after insert or update or delete on exchange_source
    for each statement execute function bump_data_version();
