-- The supervisor's board shows petitions by their tracking code, never by the internal id.
alter table deadline_timer add column tracking_code text;
