-- Landmarks, territory and escalation contact of units; explicit routing rules; the directory's version;
-- coordinates of routed petitions, so that a re-route after a hand-back sees them too.
alter table unit add column landmarks text not null default '[]';
alter table unit add column latitude double precision;
alter table unit add column longitude double precision;
alter table unit add column radius_km double precision;
alter table unit add column escalation_contact varchar(300);

create table routing_rule (
    name      varchar(100) primary key,
    category  varchar(100),
    place     varchar(200),
    unit_code varchar(100) not null,
    priority  integer      not null
);

create table directory_version (
    id         integer      primary key check (id = 1),
    version    varchar(100) not null,
    loaded_at  timestamptz  not null,
    edited_at  timestamptz
);

alter table routing_decision add column latitude double precision;
alter table routing_decision add column longitude double precision;
