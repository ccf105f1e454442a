-- A step's count is what the service reported: rows deleted (erasure) or parts delivered (export).
alter table dsr_step rename column items_deleted to items;

-- Parts of a subject's export (Art. 15, 20) as each service sent them: sealed with the subject's
-- key, bound to the answer topic (SubjectCrypto place "topic:subject.export.completed"), so
-- erasure makes them unreadable too. Kept until the export expires (retention "exports").
create table export_part (
    request_id   uuid         not null references dsr_request (id) on delete cascade,
    service      varchar(64)  not null,
    name         varchar(128) not null,
    media_type   varchar(64)  not null,
    sealed       bytea        not null,
    received_at  timestamptz  not null,
    primary key (request_id, service, name)
);
