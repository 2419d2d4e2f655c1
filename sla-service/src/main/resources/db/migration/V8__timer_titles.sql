-- The board names a petition by its tracking code and its subject (or first words), never by the internal id.
alter table deadline_timer add column title text;
