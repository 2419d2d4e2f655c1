-- The rest of what analytics folds per petition.
alter table petition_fact
    add column district_code      varchar(100),
    add column first_responded_at timestamptz,
    add column resolved_at        timestamptz,
    add column hand_backs         integer not null default 0,
    add column reopens            integer not null default 0,
    add column rating             integer,
    add column escalation_level   integer not null default 0;

-- The SLA board's list of the most urgent open petitions, city-wide, by unit and by district; and the count of
-- first responses due soon. Open and running or breached petitions are few next to all petitions.
create index petition_fact_urgent on petition_fact (first_response_due)
    where sla_state in ('RUNNING', 'BREACHED') and status not in ('RESOLVED', 'CLOSED');
create index petition_fact_urgent_unit on petition_fact (unit_code, first_response_due)
    where sla_state in ('RUNNING', 'BREACHED') and status not in ('RESOLVED', 'CLOSED');
create index petition_fact_urgent_district on petition_fact (district_code, first_response_due)
    where sla_state in ('RUNNING', 'BREACHED') and status not in ('RESOLVED', 'CLOSED');
create index petition_fact_first_response_running on petition_fact (first_response_due) where sla_state = 'RUNNING';

-- Element-wise sum of two histograms, for the upsert that adds an event's difference to a row.
create function wz_add(a bigint[], b bigint[]) returns bigint[] language sql immutable strict as $$
    select array_agg(x + y order by i) from unnest(a, b) with ordinality as t(x, y, i)
$$;

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
    -- Petitions of that day still open now, breached and open, escalated and open: the backlog and the SLA board.
    open                     bigint       not null default 0,
    open_breached            bigint       not null default 0,
    open_escalated           bigint       not null default 0,
    -- Petitions per DurationHistogram bucket (40 buckets growing by √2 from one minute): quantiles from sums.
    first_response_hist      bigint[]     not null,
    resolution_hist          bigint[]     not null,
    primary key (grain, day, unit_code, category, channel, district_code)
);
create index daily_measure_unit on daily_measure (grain, unit_code, day);
create index daily_measure_district on daily_measure (grain, district_code, day);

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
