-- A unit without Kafka registers an HTTPS endpoint; its feed is pushed there (docs/departments.md, Webhooks).
create table webhook_endpoint (
    unit_code              varchar(64)  primary key,
    url                    varchar(2000) not null,
    -- AES-GCM sealed with the service's key, like contact data.
    secret_sealed          text         not null,
    previous_secret_sealed text,
    previous_valid_until   timestamptz,
    validated_at           timestamptz  not null,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);

-- One feed event on its way to one unit's endpoint, in order per petition.
create table webhook_delivery (
    id              bigserial    primary key,
    unit_code       varchar(64)  not null,
    petition_id     varchar(26)  not null,
    event_id        varchar(64)  not null,
    event_type      varchar(128) not null,
    body            text         not null,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      text,
    last_status     integer,
    created_at      timestamptz  not null,
    delivered_at    timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_order on webhook_delivery (unit_code, petition_id, id) where status = 'PENDING';
create index webhook_delivery_parked on webhook_delivery (unit_code, id) where status = 'PARKED';
