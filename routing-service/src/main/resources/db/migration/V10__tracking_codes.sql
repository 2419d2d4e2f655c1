-- Operators see petitions by their tracking code, never by the internal id (the console's triage queue).
alter table routing_decision add column tracking_code text;
alter table triage_case add column tracking_code text;
