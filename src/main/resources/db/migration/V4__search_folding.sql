-- Text search (the q filter) folds diacritics on both sides, so that "lang son" finds "Lạng Sơn".
-- unaccent is a contrib extension shipped with every PostgreSQL distribution and trusted
-- (PostgreSQL 13+): the database owner may create it. The folding function itself is
-- liaison_fold() in analytics-sql/views/R__stats_base.sql.
create extension if not exists unaccent;
