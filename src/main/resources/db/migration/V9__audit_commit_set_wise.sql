-- liaison_audit_commit (V7) checked "every change has a note" with NOT EXISTS ... LIMIT 1. Over the
-- session's temporary notes (no statistics, no index) the LIMIT made PostgreSQL pick a nested-loop
-- anti join: n changes times n notes. A 20,000-line import spent 15.7 s of its commit in that one
-- check (200 million comparisons), a 100,000-line one would have spent minutes. Now the rows are
-- written by the same sorted joins as before and the check compares counts; only a commit that
-- fails looks for the exchange without a note.
create or replace function liaison_audit_commit(v bigint) returns void
language plpgsql as $fn$
declare
    written bigint;
    missing uuid;
begin
    perform liaison_audit_notes();
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
    get diagnostics written = row_count;
    if written <> (select count(*) from change_log where version = v) then
        select c.exchange_id into missing from change_log c
        where c.version = v and c.exchange_id not in (select a.public_id from pg_temp.liaison_audit a) limit 1;
        raise exception 'exchange % was changed without an audit note (liaison_audit_note): the write does not say who writes', missing;
    end if;
    delete from pg_temp.liaison_audit;
end
$fn$;
