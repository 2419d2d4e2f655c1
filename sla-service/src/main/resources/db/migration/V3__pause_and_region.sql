-- The progress clock, waiting for the citizen, and calendars per region.
alter table deadline_timer add column region varchar(64);
alter table deadline_timer add column paused_at timestamptz;
