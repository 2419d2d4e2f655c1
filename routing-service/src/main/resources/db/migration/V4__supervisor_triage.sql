-- A triage case a supervisor must decide: the petition bounced between units.
alter table triage_case add column supervisor boolean not null default false;
