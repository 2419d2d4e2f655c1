-- The region whose business calendar a unit keeps (for its SLA clocks); null means the city's default.
alter table unit add column calendar_region varchar(64);
