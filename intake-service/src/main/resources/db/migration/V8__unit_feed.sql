-- What a unit's own system receives with every update (docs/departments.md): the level-2 category, the district
-- routing placed the petition in, and every pledge clock as sla-service last told it.
alter table petition add column subcategory varchar(200);
alter table petition add column district_code varchar(64);

create table petition_clock (
    petition_id varchar(26) not null references petition (id),
    pledge      varchar(32) not null,
    due_at      timestamptz not null,
    time_basis  varchar(32),
    calendar    varchar(32),
    state       varchar(16) not null,
    primary key (petition_id, pledge)
);
