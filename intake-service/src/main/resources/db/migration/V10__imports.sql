-- A city's earlier petitions, taken over by an import job (docs/operations.md, Importing history).
create table import_job (
    id          varchar(26)  primary key,
    created_by  varchar(200),
    format      varchar(16)  not null,
    status      varchar(16)  not null,
    total       integer      not null,
    accepted    integer      not null,
    rejected    integer      not null,
    duplicates  integer      not null,
    imported    integer      not null,
    -- The rejected lines with their reasons, as a JSON array of {line, reason}; the first thousand.
    rejections  text         not null,
    created_at  timestamptz  not null,
    started_at  timestamptz,
    finished_at timestamptz
);

-- One valid line of an import, stored before any is imported so that a crash can resume where it stopped.
create table import_line (
    -- The line's content fingerprint: a line imported twice is imported once.
    import_key  varchar(64)  primary key,
    job_id      varchar(26)  not null references import_job (id),
    line_no     integer      not null,
    received_at timestamptz  not null,
    record      text         not null,
    petition_id varchar(26),
    unique (job_id, line_no)
);
create index import_line_pending on import_line (job_id, received_at, line_no) where petition_id is null;

alter table petition add column import_job varchar(26);
alter table petition add column imported_at timestamptz;
