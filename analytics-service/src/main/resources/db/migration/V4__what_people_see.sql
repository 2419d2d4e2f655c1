-- What people see of a petition instead of its internal id: the tracking code, a title (the subject, or the first
-- words of the text for a hotline call), and the unit's name. Folded from the same events; rows of petitions
-- received before this migration get them from a read-model rebuild.
alter table petition_fact add column tracking_code text;
alter table petition_fact add column title text;
alter table petition_fact add column unit_name text;
