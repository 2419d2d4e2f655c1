-- One schedule column drives every timer action: warn, breach, each escalation step.
alter table deadline_timer add column warned boolean not null default false;
alter table deadline_timer add column escalation_level integer not null default 0;
alter table deadline_timer add column next_fire_at timestamptz;
alter table deadline_timer add column category varchar(100);
update deadline_timer set next_fire_at = due_at where state = 'RUNNING';
drop index deadline_timer_due;
create index deadline_timer_next on deadline_timer (next_fire_at) where next_fire_at is not null;
create index deadline_timer_unit on deadline_timer (unit_code, state);
