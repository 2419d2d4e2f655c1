-- Units above the responsible one that the directory lets see the petition (kit.security.Sight's column form).
alter table petition add column supervising_units varchar(500);
create index petition_supervising_units on petition (supervising_units) where supervising_units is not null;
