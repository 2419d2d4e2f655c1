create table petition (
    id                 varchar(26)  primary key,
    tracking_code      varchar(8)   not null unique,
    channel            varchar(16)  not null,
    subject            varchar(200),
    body               text         not null,
    address            varchar(500),
    latitude           double precision,
    longitude          double precision,
    citizen_ref        varchar(40),
    contact_sealed     text,
    status             varchar(16)  not null,
    category           varchar(100),
    unit_code          varchar(100),
    unit_name          varchar(200),
    first_response_due timestamptz,
    time_basis         varchar(16),
    overdue            boolean      not null default false,
    received_at        timestamptz  not null,
    updated_at         timestamptz  not null
);
create index petition_status on petition (status);
create index petition_unit on petition (unit_code);

-- Every event of a petition, ours and other services': the audit trail.
create table petition_history (
    seq          bigserial    primary key,
    petition_id  varchar(26)  not null references petition (id),
    event_id     varchar(64)  not null unique,
    event_type   varchar(128) not null,
    source       varchar(100) not null,
    occurred_at  timestamptz  not null,
    data         text         not null
);
create index petition_history_petition on petition_history (petition_id, occurred_at, seq);
