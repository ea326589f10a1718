-- Checksums of the reference files last loaded into this database: a start with unchanged
-- files skips the upserts (they cost most of a native start otherwise).
create table reference_file (
    name       text primary key,
    checksum   text not null,
    loaded_at  timestamptz not null default now()
);
