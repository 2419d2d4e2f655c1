-- A petition's SLA history (GET /api/v1/sla/petitions/{id}) is the SLA events sla wrote to its outbox for it. Without
-- an index the look-up read the whole outbox, which keeps every event sla has ever sent: a year of a city's petitions
-- is a million rows or more, and the triage console asks for the history of each case it shows and prefetches.
create index outbox_event_subject on outbox_event (subject, seq);
