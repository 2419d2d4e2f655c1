-- Whether a timer's due time rests on published holiday notices only (OFFICIAL) or on a provisional year.
alter table deadline_timer add column calendar text not null default 'OFFICIAL';
create index deadline_timer_provisional on deadline_timer (calendar) where calendar = 'PROVISIONAL' and state in ('RUNNING', 'PAUSED');

-- Holiday notices an administrator loaded at run time; each sla-service instance reads them on its next refresh.
create table holiday_notice (
    region    text        not null,
    year      int         not null,
    document  text        not null,
    loaded_at timestamptz not null,
    loaded_by text        not null,
    primary key (region, year)
);
