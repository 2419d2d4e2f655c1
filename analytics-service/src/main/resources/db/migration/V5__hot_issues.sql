-- Hot issues (热点问题) are ranked for any period from what each petition said at receipt: its tracking code and
-- subject (what people see), its words and place as HanLP found them, and a one-way digest of the citizen's
-- reference, so that one citizen's repeats count once without analytics holding who the citizen is.
-- Rows of petitions received before this migration get them from a read-model rebuild.
alter table hotspot_document add column tracking_code text;
alter table hotspot_document add column subject text;
alter table hotspot_document add column citizen text;
alter table hotspot_document add column words text;
alter table hotspot_document add column place_district text;
alter table hotspot_document add column place_name text;
alter table hotspot_document add column place_group boolean not null default false;
alter table hotspot_document add column people text;

-- A surge is read by a citizen's subject from it, as hot issues are.
alter table hotspot add column title text;
