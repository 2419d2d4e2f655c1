-- Wakes the outbox relay when rows are committed instead of leaving them to its next poll. PostgreSQL delivers a
-- NOTIFY only at commit, and folds repeats within one transaction into one.
create or replace function wenzheng_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('wenzheng_outbox', '');
    return null;
end
$$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function wenzheng_outbox_notify();
