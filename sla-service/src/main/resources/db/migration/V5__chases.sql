-- 催办: the supervision office's reminders to a unit, and the unit's district, both for the SLA board.
alter table deadline_timer
    add column chases         integer not null default 0,
    add column last_chased_at timestamptz,
    add column district_code  varchar(100);
create index deadline_timer_district on deadline_timer (district_code, due_at) where district_code is not null;
