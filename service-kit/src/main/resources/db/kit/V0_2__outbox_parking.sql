-- A row the relay cannot deliver (for example to a topic that does not exist) is parked after a number of attempts
-- instead of being retried for ever.
alter table outbox_event add column parked_at timestamptz;
drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (seq) where sent_at is null and parked_at is null;
