-- Watched news feeds (issue 19): sources the service reads by itself. A feed is an RSS 2.0 or
-- Atom document, or a listing page whose links matching link_pattern are articles. Each item is
-- one article URL, normalised (org.liaison.feed.fetch.CanonicalUrl), unique across all feeds:
-- an article is fetched once, whichever feed names it and however often.
--
-- Several instances may share the database: a poller claims due feeds and due items with
-- "for update skip locked" and pushes their next time forward by a lease in the same statement
-- (org.liaison.feed.FeedStore), so two instances never poll one feed, or fetch one item, at once.
create table feeds (
    id                uuid primary key,
    url               text not null unique,
    kind              text not null check (kind in ('rss', 'atom', 'listing')),
    -- listing pages only: a regular expression an article link (absolute URL) must contain
    link_pattern      text,
    -- the outlet named on the drafts' sources
    outlet            text not null,
    -- the language of the articles when a page does not say (en, vi; null: detected)
    language          text check (language in ('en', 'vi')),
    poll_interval     interval not null check (poll_interval between interval '5 minutes' and interval '7 days'),
    active            boolean not null default true,
    created_at        timestamptz not null default now(),
    next_poll_at      timestamptz not null default now(),
    last_poll_at      timestamptz,
    last_success_at   timestamptz,
    last_error        text,
    last_error_at     timestamptz,
    -- errors in a row (0 after a success): the back-off's exponent
    error_count       integer not null default 0,
    -- the validators of the last 200, sent back as If-None-Match / If-Modified-Since
    etag              text,
    last_modified     text,
    items_seen        integer not null default 0,
    exchanges_drafted integer not null default 0,
    reports_merged    integer not null default 0
);
create index feeds_due_idx on feeds (next_poll_at) where active;

create table feed_items (
    id              bigint generated always as identity primary key,
    feed_id         uuid not null references feeds (id) on delete cascade,
    -- the normalised URL: the article's identity, and the source URL of its exchanges
    url             text not null unique,
    -- the link as the feed gave it
    link            text not null,
    title           text,
    -- the publication date the feed gave, used when the page states none
    published       date,
    first_seen      timestamptz not null default now(),
    fetched_at      timestamptz,
    -- pending: not fetched yet; fetched: stored through the article path; failed: the last
    -- attempt failed (reason), retried at next_attempt_at, or never again when that is null
    status          text not null default 'pending' check (status in ('pending', 'fetched', 'failed')),
    reason          text,
    attempts        integer not null default 0,
    next_attempt_at timestamptz default now(),
    exchanges_drafted integer not null default 0,
    reports_merged  integer not null default 0
);
create index feed_items_due_idx on feed_items (next_attempt_at) where status <> 'fetched';
create index feed_items_feed_idx on feed_items (feed_id, id);
