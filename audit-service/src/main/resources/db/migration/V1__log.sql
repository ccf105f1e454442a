-- The audit log (I7): append-only, one row per leaf of the RFC 9162 Merkle tree. Entries are
-- RFC 8785 canonical JSON and never personal data (I6); the service refuses entries that are.
create table log_entry (
    idx          bigint       primary key,
    event_id     varchar(128) not null unique,
    entry        bytea        not null,
    leaf_hash    bytea        not null,
    appended_at  timestamptz  not null
);

-- Signed checkpoints (C2SP tlog-checkpoint as a signed note), one per tree size published.
create table checkpoint (
    size       bigint       primary key,
    root_hash  bytea        not null,
    note       text         not null,
    signed_at  timestamptz  not null
);

-- Append-only means append-only: updates and deletes are refused by the database itself, so
-- even the service's own account cannot rewrite history (tampering needs a superuser, and the
-- signed checkpoints then give it away).
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end;
$$;
create trigger log_entry_append_only before update or delete on log_entry
    for each row execute function audit_log_is_append_only();
create trigger checkpoint_append_only before update or delete on checkpoint
    for each row execute function audit_log_is_append_only();
