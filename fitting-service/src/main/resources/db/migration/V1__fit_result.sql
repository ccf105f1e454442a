-- One row per measured job. Everything about the body is sealed with the subject's key (I5):
-- erasing the subject's key makes the row unreadable even before it is deleted.
CREATE TABLE fit_result (
    job_id              uuid PRIMARY KEY,
    subject_pseudonym   text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    silhouette_rms_cm   double precision NOT NULL,
    measurements_sealed bytea NOT NULL,
    glb_sealed          bytea NOT NULL,
    obj_sealed          bytea NOT NULL
);
CREATE INDEX fit_result_subject ON fit_result (subject_pseudonym);
CREATE INDEX fit_result_created ON fit_result (created_at);
