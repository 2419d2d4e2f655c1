-- The W3C trace context the event was produced in; the relay sends it as the record's traceparent header.
alter table outbox_event add column traceparent varchar(55);
