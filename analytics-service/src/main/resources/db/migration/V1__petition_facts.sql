-- One row per petition: the read model behind the counts. Rebuildable by replaying the topics.
create table petition_fact (
    petition_id   varchar(26)  primary key,
    channel       varchar(16),
    category      varchar(100),
    unit_code     varchar(100),
    status        varchar(16)  not null,
    received_at   timestamptz,
    first_response_due timestamptz,
    sla_state     varchar(16),
    updated_at    timestamptz  not null
);
create index petition_fact_status on petition_fact (status);
