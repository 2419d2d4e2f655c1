create table unit (
    code        varchar(100) primary key,
    name        varchar(200) not null,
    parent_code varchar(100),
    level       varchar(16)  not null,
    duties      text         not null,  -- JSON array of categories
    areas       text         not null,  -- JSON array of place names
    updated_at  timestamptz  not null
);

create table routing_decision (
    petition_id varchar(26)  primary key,
    outcome     varchar(16)  not null,
    category    varchar(100),
    unit_code   varchar(100),
    confidence  double precision not null,
    reason      text         not null,
    decided_at  timestamptz  not null
);
create index routing_decision_unit on routing_decision (unit_code);
