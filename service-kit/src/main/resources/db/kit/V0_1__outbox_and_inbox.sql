-- The outbox: events written in the same transaction as the state change that caused them.
create table outbox_event (
    seq          bigserial primary key,
    event_id     varchar(64)  not null unique,
    event_type   varchar(128) not null,
    topic        varchar(249) not null,
    message_key  varchar(64)  not null,
    subject      varchar(64)  not null,
    payload      text         not null,
    occurred_at  timestamptz  not null,
    sent_at      timestamptz,
    attempts     integer      not null default 0,
    last_error   text
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- The inbox: event ids a consumer has processed, committed with the state change they caused.
create table inbox_event (
    id           varchar(200) primary key,
    consumer     varchar(100) not null,
    event_id     varchar(64)  not null,
    event_type   varchar(128) not null,
    processed_at timestamptz  not null default now()
);
