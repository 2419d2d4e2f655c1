-- Routing keeps the text it routed, so it can route again after a hand-back without asking intake.
alter table routing_decision add column subject varchar(200);
alter table routing_decision add column body text;
alter table routing_decision add column address varchar(500);

-- 回退: every hand-back, so routing never sends a petition back to a unit that returned it, and stops the ping-pong.
create table hand_back (
    id          bigserial    primary key,
    petition_id varchar(26)  not null,
    unit_code   varchar(100) not null,
    reason      text         not null,
    returned_at timestamptz  not null
);
create index hand_back_petition on hand_back (petition_id);
