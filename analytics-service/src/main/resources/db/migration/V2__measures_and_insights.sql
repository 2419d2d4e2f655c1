-- The rest of what analytics folds per petition.
alter table petition_fact
    add column district_code      varchar(100),
    add column first_responded_at timestamptz,
    add column resolved_at        timestamptz,
    add column hand_backs         integer not null default 0,
    add column reopens            integer not null default 0,
    add column rating             integer,
    add column escalation_level   integer not null default 0;

-- Open petitions are few next to all petitions: the backlog and the SLA board read only these.
create index petition_fact_open on petition_fact (received_at) where status not in ('RESOLVED', 'CLOSED');
create index petition_fact_first_response_running on petition_fact (first_response_due) where sla_state = 'RUNNING';

-- The pre-aggregated read model: every dashboard, scorecard and report figure is a sum over these rows.
-- Each petition counts once in each grain (see Grain.java): 0 = every cut, 1 = unit and district, 2 = category,
-- channel and district, 3 = district only. A query reads the coarsest grain that has the columns it needs, so a
-- city-wide figure sums a few rows per day instead of one per unit, category and channel.
create table daily_measure (
    grain                    smallint     not null,
    day                      date         not null,
    unit_code                varchar(100) not null,
    category                 varchar(100) not null,
    channel                  varchar(16)  not null,
    district_code            varchar(100) not null,
    received                 bigint       not null default 0,
    routed                   bigint       not null default 0,
    responded                bigint       not null default 0,
    first_response_met       bigint       not null default 0,
    first_response_breached  bigint       not null default 0,
    resolved                 bigint       not null default 0,
    handed_back              bigint       not null default 0,
    reopened                 bigint       not null default 0,
    rated                    bigint       not null default 0,
    satisfied                bigint       not null default 0,
    rating_sum               bigint       not null default 0,
    first_response_seconds   bigint       not null default 0,
    resolution_seconds       bigint       not null default 0,
    primary key (grain, day, unit_code, category, channel, district_code)
);
create index daily_measure_unit on daily_measure (grain, unit_code, day);
create index daily_measure_district on daily_measure (grain, district_code, day);

-- Duration histograms of the same cuts, one row per bucket, so quantiles come from plain sums.
-- measure: F = first response time, R = resolution time. Buckets are DurationHistogram's.
create table daily_duration (
    grain          smallint     not null,
    day            date         not null,
    unit_code      varchar(100) not null,
    category       varchar(100) not null,
    channel        varchar(16)  not null,
    district_code  varchar(100) not null,
    measure        char(1)      not null,
    bucket         smallint     not null,
    petitions      bigint       not null,
    primary key (grain, day, unit_code, category, channel, district_code, measure, bucket)
);
create index daily_duration_unit on daily_duration (grain, unit_code, day);

create table hotspot (
    hotspot_id      varchar(40)  primary key,
    label           text         not null,
    place           varchar(200),
    first_seen      timestamptz  not null,
    last_seen       timestamptz  not null,
    petition_count  integer      not null,
    expected        double precision not null,
    growth          double precision not null,
    examples        text         not null,
    detected_at     timestamptz  not null
);
create index hotspot_detected on hotspot (detected_at desc);

-- What the hotspot detector needs to rebuild its memory after a restart: features, never the text itself.
create table hotspot_document (
    petition_id  varchar(26)  primary key,
    received_at  timestamptz  not null,
    features     text         not null,
    place        varchar(200)
);
create index hotspot_document_received on hotspot_document (received_at);

create table report (
    report_id     varchar(60)  primary key,
    period        varchar(10)  not null,
    period_from   date         not null,
    period_to     date         not null,
    title         text         not null,
    html          text         not null,
    pdf           bytea        not null,
    csv           text         not null,
    published_at  timestamptz  not null
);
