-- The audit trail (issue 16): who changed an exchange, when, what (its public JSON before and
-- after) and why. One row per row of the change log (V5), written at the same commit by the
-- same function, under the same data version: a change is in both or in neither, a retried
-- transaction (rolled back) leaves no row, and a write that changes nothing writes none.
-- During a write the service notes its actor, reason, context and the records' views in a
-- temporary table of the session (liaison_audit_note); at commit liaison_write_commit()
-- (analytics-sql/views/R__stats_rollups.sql) calls liaison_audit_commit(version), which turns
-- the notes into rows for the exchanges the change log got. A changed exchange without a note
-- fails the commit: every write path of the service must say who writes.
create table exchange_audit (
    id           bigint generated always as identity primary key,
    version      bigint not null,
    exchange_id  uuid not null,
    change       text not null check (change in ('created', 'updated', 'deleted')),
    -- the token's subject (sub, else upn or preferred_username); 'liaison' for the demo data
    actor        text not null,
    -- the strongest of the service's roles the token had (admin, reviewer, editor), or system
    role         text,
    at           timestamptz not null,
    reason       text,
    before       jsonb,
    after        jsonb,
    -- api: one request on one record; import: an import, context_ref its id; article: an
    -- article stored, context_ref its URL; unrecorded: a change made before this table existed
    context_kind text not null check (context_kind in ('api', 'import', 'article', 'unrecorded')),
    context_ref  text,
    foreign key (version, exchange_id) references change_log (version, exchange_id)
);
-- One row per change, and a record's history in commit order (version, not "at": "at" is when
-- the write began, and two writers may commit in the other order).
create unique index exchange_audit_exchange_idx on exchange_audit (exchange_id, version);

-- The changes logged before the audit trail: who and what were not kept.
insert into exchange_audit (version, exchange_id, change, actor, at, context_kind)
select version, exchange_id, change, 'unrecorded', changed_at, 'unrecorded' from change_log;

-- The session's notes of the current write, made on first use. On commit delete rows: notes of
-- a transaction that changed nothing (so liaison_audit_commit never ran) do not outlive it; the
-- deferred commit trigger runs before that clean-up.
create function liaison_audit_notes() returns void
language plpgsql as $fn$
begin
    if to_regclass('pg_temp.liaison_audit') is null then
        create temp table liaison_audit (n bigint generated always as identity, public_id uuid not null, actor text not null,
            role text, reason text, kind text not null, ref text, before jsonb, after jsonb) on commit delete rows;
    end if;
end
$fn$;

-- Notes one write's actor, reason and context for these exchanges, with their public views
-- before (null: created) and after (null: deleted), as JSON text. A rolled-back transaction
-- takes its notes with it.
create function liaison_audit_note(ids uuid[], befores text[], afters text[], p_actor text, p_role text, p_reason text,
        p_kind text, p_ref text) returns void
language plpgsql as $fn$
begin
    perform liaison_audit_notes();
    insert into pg_temp.liaison_audit (public_id, actor, role, reason, kind, ref, before, after)
    select x.id, p_actor, p_role, p_reason, p_kind, p_ref, x.b::jsonb, x.a::jsonb
    from unnest(ids, befores, afters) with ordinality as x(id, b, a, k) order by x.k;
end
$fn$;

-- At commit, after the change log's rows of version v: one audit row per exchange changed, from
-- its notes (noted more than once in one write: the first note's before, the last one's after,
-- actor and reason). The change log says whether it was created, updated or deleted. Sorts, not
-- a lookup per row: an import notes thousands of exchanges.
create function liaison_audit_commit(v bigint) returns void
language plpgsql as $fn$
declare
    missing uuid;
begin
    perform liaison_audit_notes();
    select c.exchange_id into missing from change_log c
    where c.version = v and not exists (select 1 from pg_temp.liaison_audit a where a.public_id = c.exchange_id) limit 1;
    if missing is not null then
        raise exception 'exchange % was changed without an audit note (liaison_audit_note): the write does not say who writes', missing;
    end if;
    with firsts as (
        select distinct on (public_id) public_id, before from pg_temp.liaison_audit order by public_id, n),
    lasts as (
        select distinct on (public_id) public_id, actor, role, reason, kind, ref, after from pg_temp.liaison_audit
        order by public_id, n desc)
    insert into exchange_audit (version, exchange_id, change, actor, role, at, reason, before, after, context_kind, context_ref)
    select c.version, c.exchange_id, c.change, l.actor, l.role, c.changed_at, l.reason, f.before, l.after, l.kind, l.ref
    from change_log c join firsts f on f.public_id = c.exchange_id join lasts l on l.public_id = c.exchange_id
    where c.version = v
    order by c.exchange_id;
    delete from pg_temp.liaison_audit;
end
$fn$;
