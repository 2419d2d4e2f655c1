-- Units above the responsible one that the directory lets see the petition (kit.security.Sight's column form).
alter table deadline_timer add column supervising_units varchar(500);
