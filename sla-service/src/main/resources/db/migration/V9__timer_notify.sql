-- Wakes every instance's timer watch when a transaction that wrote timers commits (the outbox relay is woken the same
-- way, db/kit V0_5): a timer one instance writes due sooner than another instance knew of is fired on time, while an
-- idle service looks at its timers only every listening interval.
create or replace function wenzheng_timers_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('wenzheng_timers', '');
    return null;
end
$$;

create trigger deadline_timer_notify after insert or update on deadline_timer
    for each statement execute function wenzheng_timers_notify();
