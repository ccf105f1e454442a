-- Profile fields a subject can read and rectify (Art. 16), sealed with the subject's own key (I5):
-- erasure destroys the key and the row goes with the subject.
create table subject_profile (
    subject_pseudonym  varchar(64) primary key references subject (pseudonym) on delete cascade,
    sealed_profile     bytea       not null,
    updated_at         timestamptz not null
);
