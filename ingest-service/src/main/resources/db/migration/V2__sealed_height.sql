-- I5: the stated height is personal data; it is kept only sealed with the subject's key
-- (privacy-kit SubjectCrypto, place "ingest.job.height_cm"), so erasing the key erases it.
alter table job add column height_cm_sealed bytea;
alter table job drop column height_cm;
