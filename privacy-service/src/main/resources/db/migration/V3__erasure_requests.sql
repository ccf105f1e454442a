-- Data-subject requests and their progress across services. A request outlives the subject's
-- data on purpose: it is the proof that the erasure was asked for and carried out (Art. 5(2)).
create table dsr_request (
    id                 uuid primary key,
    subject_pseudonym  varchar(64) not null,
    type               varchar(16) not null,
    reason             varchar(32) not null,
    status             varchar(16) not null,
    requested_at       timestamptz not null,
    last_sent_at       timestamptz,
    completed_at       timestamptz
);
create index dsr_request_pending on dsr_request (status, last_sent_at);
create index dsr_request_by_subject on dsr_request (subject_pseudonym, requested_at);

-- One row per service that must answer; the request completes when every step has.
create table dsr_step (
    request_id     uuid        not null references dsr_request (id) on delete cascade,
    service        varchar(64) not null,
    status         varchar(16) not null,
    items_deleted  bigint,
    answered_at    timestamptz,
    primary key (request_id, service)
);
