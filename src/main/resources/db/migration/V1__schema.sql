-- Liaison schema, normalised per the codebook (docs: README.md "Data model").
-- Every enumerated field is checked here as well as in the service, so a row
-- written with psql obeys the same rules as one written through the API.

create table theme (
    code        text primary key check (code ~ '^[a-z][a-z0-9-]*$'),
    domain      text not null check (domain in ('politics','economy','technology','environment','society','security')),
    label       text not null
);

create table locality (
    code        text primary key check (code ~ '^(VN|CN)-[A-Z0-9]+$'),
    country     char(2) not null check (country in ('VN','CN')),
    level       text not null check (level in ('province','prefecture')),
    name        text not null,
    name_en     text not null,
    parent_code text references locality(code),
    valid_from  date,
    valid_to    date,
    successor_code text references locality(code),
    check (valid_to is null or valid_from is null or valid_from <= valid_to),
    check (successor_code is null or valid_to is not null)
);

create table locality_alias (
    locality_code text not null references locality(code) on delete cascade,
    alias       text not null,
    alias_key   text not null,
    primary key (locality_code, alias_key)
);
create index locality_alias_key_idx on locality_alias (alias_key);

create table organisation (
    code        text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    side        char(2) not null check (side in ('VN','CN')),
    name        text not null
);

create table person (
    id          bigserial primary key,
    name        text not null unique,
    side        char(2) not null check (side in ('VN','CN'))
);

create table person_alias (
    person_id   bigint not null references person(id) on delete cascade,
    alias       text not null,
    alias_key   text not null,
    primary key (person_id, alias_key)
);
create index person_alias_key_idx on person_alias (alias_key);

create table source (
    id          bigserial primary key,
    url         text not null unique,
    outlet      text,
    title       text,
    published   date,
    language    text check (language in ('en','vi','zh'))
);

create table exchange (
    id             bigserial primary key,
    public_id      uuid not null unique default gen_random_uuid(),
    natural_key    text not null unique,
    date           date not null,
    end_date       date,
    date_precision text not null check (date_precision in ('day','month','year')),
    format         text not null check (format in ('in_person','online','phone','hybrid')),
    kind           text not null check (kind in ('talks','meeting','courtesy_call','workshop','signing','other')),
    venue_code     text references locality(code),
    level          text not null check (level in ('central','locality')),
    status         text not null default 'draft' check (status in ('draft','verified','rejected')),
    notes          text,
    content_hash   text not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        integer not null default 0,
    check (end_date is null or end_date >= date),
    check (date_precision <> 'month' or extract(day from date) = 1),
    check (date_precision <> 'year' or (extract(day from date) = 1 and extract(month from date) = 1)),
    check (format <> 'online' or venue_code is null)
);
create index exchange_date_idx on exchange (date);
create index exchange_status_idx on exchange (status);
create index exchange_venue_idx on exchange (venue_code);

create table exchange_source (
    exchange_id bigint not null references exchange(id) on delete cascade,
    source_id   bigint not null references source(id),
    primary key (exchange_id, source_id)
);
create index exchange_source_source_idx on exchange_source (source_id);

create table participant (
    exchange_id bigint not null references exchange(id) on delete cascade,
    position    integer not null,
    person_id   bigint not null references person(id),
    side        char(2) not null check (side in ('VN','CN')),
    titles      text,
    organisation_code text references organisation(code),
    locality_code text references locality(code),
    primary key (exchange_id, position),
    unique (exchange_id, person_id)
);
create index participant_person_idx on participant (person_id);

create table exchange_locality (
    exchange_id   bigint not null references exchange(id) on delete cascade,
    locality_code text not null references locality(code),
    role          text not null check (role in ('participant','venue','mentioned')),
    primary key (exchange_id, locality_code, role)
);
create index exchange_locality_code_idx on exchange_locality (locality_code, role);

create table exchange_theme (
    exchange_id bigint not null references exchange(id) on delete cascade,
    theme_code  text not null references theme(code),
    primary key (exchange_id, theme_code)
);
create index exchange_theme_code_idx on exchange_theme (theme_code);

-- One row that every write to exchanges bumps: the data version behind ETags
-- and cache invalidation, and the "time of the last change".
create table data_version (
    id          boolean primary key default true check (id),
    version     bigint not null,
    changed_at  timestamptz not null
);
insert into data_version values (true, 0, now());

create function bump_data_version() returns trigger language plpgsql as $$
begin
    update data_version set version = version + 1, changed_at = now();
    return null;
end $$;

create trigger exchange_changed after insert or update or delete on exchange
    for each statement execute function bump_data_version();
create trigger exchange_locality_changed after insert or update or delete on exchange_locality
    for each statement execute function bump_data_version();
create trigger exchange_theme_changed after insert or update or delete on exchange_theme
    for each statement execute function bump_data_version();
create trigger participant_changed after insert or update or delete on participant
    for each statement execute function bump_data_version();
