-- A unit's reply on its way back to the citizen on the petition's own channel. Durable, so a platform outage
-- delays it and never loses it; every attempt shows in the petition's history.
create table reply_delivery (
    id               bigserial    primary key,
    petition_id      varchar(26)  not null references petition (id),
    channel          varchar(16)  not null,
    account          varchar(100) not null,
    recipient_sealed text         not null,
    body             text         not null,
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       text,
    created_at       timestamptz  not null,
    sent_at          timestamptz
);
create index reply_delivery_due on reply_delivery (next_attempt_at) where status = 'PENDING';
create index channel_message_petition on channel_message (petition_id);
