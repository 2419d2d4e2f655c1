-- Who did what, when and from where: every state-changing API call and every reveal of citizen contact data.
-- Append-only in the database itself: updates, deletes and truncation fail whoever tries them.
create table audit_entry (
    seq            bigserial primary key,
    at             timestamptz not null default clock_timestamp(),
    actor          varchar(200) not null,
    roles          varchar(200) not null,
    unit           varchar(64),
    action         varchar(300) not null,
    target         varchar(100),
    outcome        smallint not null,
    client_address varchar(200),
    user_agent     varchar(300),
    trace_id       varchar(32)
);
create index audit_entry_actor on audit_entry (actor, at);
create index audit_entry_target on audit_entry (target, at);

create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each statement execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
revoke update, delete, truncate on audit_entry from public;
