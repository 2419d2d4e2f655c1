-- Durable deadline timers: they survive restarts, and instances share them with FOR UPDATE SKIP LOCKED.
create table deadline_timer (
    id           varchar(64)  primary key,   -- petition id + '/' + pledge
    petition_id  varchar(26)  not null,
    pledge       varchar(32)  not null,
    time_basis   varchar(16)  not null,
    unit_code    varchar(100),
    started_at   timestamptz  not null,
    due_at       timestamptz  not null,
    state        varchar(16)  not null,
    settled_at   timestamptz
);
create index deadline_timer_due on deadline_timer (due_at) where state = 'RUNNING';
create index deadline_timer_petition on deadline_timer (petition_id);
