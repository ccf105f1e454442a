-- What receipts and reports look entries up by, copied from the entry at append (the entry bytes
-- stay the only thing hashed). Nullable: the trigger forbids back-filling, and the log is new.
alter table log_entry add column action varchar(80);
alter table log_entry add column resource varchar(256);
alter table log_entry add column entry_time timestamptz;
create index log_entry_by_resource on log_entry (resource text_pattern_ops);
create index log_entry_by_action_time on log_entry (action, entry_time);
