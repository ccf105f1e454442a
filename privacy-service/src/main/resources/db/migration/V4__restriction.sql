-- Art. 18: a subject may stop all processing of its data until it lifts the restriction itself.
create table restriction (
    subject_pseudonym  varchar(64) primary key references subject (pseudonym) on delete cascade,
    restricted_at      timestamptz not null
);
