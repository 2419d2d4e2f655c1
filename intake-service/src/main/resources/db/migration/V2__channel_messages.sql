-- A platform message that became a petition, so the platform's retries find it instead of filing it again.
create table channel_message (
    channel       varchar(16)  not null,
    account       varchar(100) not null,
    message_id    varchar(100) not null,
    petition_id   varchar(26)  not null references petition (id),
    tracking_code varchar(8)   not null,
    received_at   timestamptz  not null,
    primary key (channel, account, message_id)
);

-- Signed requests seen recently: the same nonce and timestamp with another body is a replay.
create table channel_nonce (
    channel    varchar(16)  not null,
    account    varchar(100) not null,
    nonce      varchar(100) not null,
    signed_at  bigint       not null,
    body_hash  varchar(64)  not null,
    seen_at    timestamptz  not null,
    primary key (channel, account, nonce, signed_at)
);
create index channel_nonce_seen on channel_nonce (seen_at);
