-- A job as the subject sees it. Never a photo byte, never a path (I1, I6); the subject only by pseudonym.
create table job (
    id                 uuid primary key,
    subject_pseudonym  varchar(64) not null,
    status             varchar(16) not null,
    stage              varchar(32) not null,
    progress           integer     not null,
    message            varchar(200),
    height_cm          integer     not null,
    blur_faces         boolean     not null,
    front_orientation  integer     not null,
    side_orientation   integer     not null,
    front_focal_35mm   integer,
    side_focal_35mm    integer,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index job_by_subject on job (subject_pseudonym, created_at);
