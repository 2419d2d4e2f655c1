-- A republished period is a new version of its report; the earlier one may already have been handed out, so it stays.
alter table report add column version int not null default 1;
alter table report add column report_number text;
create table report_version (
    report_id     text        not null,
    version       int         not null,
    title         text        not null,
    report_number text,
    html          text        not null,
    pdf           bytea       not null,
    csv           text        not null,
    published_at  timestamptz not null,
    primary key (report_id, version)
);
