-- The version a deleted exchange had, for the change feed's tombstones (GET /api/changes,
-- org.liaison.changes): the change log (V5) keeps which exchange a commit deleted, not the record,
-- and the record is gone by the time anyone reads the feed. One row per deleted exchange, written
-- by the delete itself (same transaction); public ids are never reused, so a row is never replaced
-- in practice. The feed's cursor needs no index of its own: change_log's primary key
-- (version, exchange_id) is the cursor order.
create table exchange_tombstone (
    public_id  uuid primary key,
    version    integer not null,
    deleted_at timestamptz not null default now()
);

create function exchange_tombstone_keep() returns trigger language plpgsql as $$
begin
    insert into exchange_tombstone (public_id, version) values (old.public_id, old.version)
    on conflict (public_id) do update set version = excluded.version, deleted_at = excluded.deleted_at;
    return null;
end
$$;

-- A row trigger on deletes only: the service deletes one exchange at a time; a bulk delete as
-- superuser with session_replication_role = replica (analytics-sql/bench/generate.sql) skips it.
create trigger exchange_tombstone after delete on exchange
    for each row execute function exchange_tombstone_keep();
