-- Wakes the webhook pushes when a transaction that queued some commits, as the outbox relay is woken (db/kit V0_5):
-- a unit's system hears of a change at once, and an idle intake polls the table only every few seconds.
create or replace function wenzheng_webhooks_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('wenzheng_webhooks', '');
    return null;
end
$$;

create trigger webhook_delivery_notify after insert on webhook_delivery
    for each statement execute function wenzheng_webhooks_notify();
