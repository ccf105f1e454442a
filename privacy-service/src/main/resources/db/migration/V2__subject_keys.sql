-- I5: one Tink AEAD keyset per subject, stored only wrapped by the key-encryption key (KEK).
-- Erasure deletes the row first (crypto-shredding): every ciphertext made with it, in any
-- service's tables, Kafka segments or backups, becomes unreadable.
create table subject_key (
    subject_pseudonym  varchar(64) primary key references subject (pseudonym) on delete cascade,
    wrapped_keyset     bytea       not null,
    created_at         timestamptz not null,
    wrapped_at         timestamptz not null
);

-- Subjects whose key was destroyed; services asking for their key get 410, never a fresh key
-- that would silently "decrypt" nothing. A new consent starts a new life with a new key.
create table erased_subject (
    subject_pseudonym  varchar(64) primary key,
    erased_at          timestamptz not null
);
