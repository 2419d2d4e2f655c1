-- A petition from the same citizen that reads like an earlier one within a few days: flagged for an operator.
alter table petition add column possible_duplicate_of varchar(26);
create index petition_citizen on petition (citizen_ref, received_at);
