-- What people see of a petition instead of its internal id: the tracking code, a title (the subject, or the first
-- words of the text for a hotline call), and the unit's name. Folded from the same events; rows of petitions
-- received before this migration get them from a read-model rebuild.
alter table petition_fact add column tracking_code text;
alter table petition_fact add column title text;
alter table petition_fact add column unit_name text;

-- Each unit's name as the latest routing or transfer gave it, for league tables and reports: a few hundred rows,
-- read whole, where a scan of the facts would grow with every petition.
create table unit_label (
    unit_code  text primary key,
    unit_name  text not null,
    updated_at timestamptz not null
);
