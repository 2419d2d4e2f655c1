-- The operator queue (受理员): petitions routing was not sure about.
create table triage_case (
    petition_id        varchar(26)  primary key,
    subject            varchar(200),
    body               text         not null,
    address            varchar(500),
    suggested_category varchar(100),
    confidence         double precision not null,
    reason             text         not null,
    status             varchar(16)  not null,
    decided_category   varchar(100),
    decided_unit       varchar(100),
    decided_at         timestamptz,
    created_at         timestamptz  not null
);
create index triage_case_open on triage_case (created_at) where status = 'OPEN';

-- Every operator correction is a labelled example for the next training run.
create table labelled_example (
    petition_id varchar(26)  primary key,
    subject     varchar(200),
    body        text         not null,
    category    varchar(100) not null,
    source      varchar(32)  not null,
    labelled_at timestamptz  not null
);
