-- Tables written by applyAffiliations (src/lib/identity/apply-affiliations.ts) on every apply,
-- beside `contributions`: what was applied and how each identity was resolved. Rebuilt whole each
-- time (never raw data); every statement is idempotent.

-- The maps the last apply read, in reading order.
CREATE TABLE IF NOT EXISTS affiliation_maps (
  position INTEGER NOT NULL,          -- reading order, from 1
  file VARCHAR NOT NULL,              -- as shown to the user; 'default-email-map' for the shipped map
  kind VARCHAR NOT NULL,              -- 'email-map', 'aliases', 'group-map', 'mailmap', 'repository-mailmap', 'gitdm-config', 'logins', 'config', 'default-map'
  lines INTEGER NOT NULL,             -- lines in the file
  entries INTEGER NOT NULL,           -- entries read from it
  applied_at TIMESTAMP NOT NULL       -- UTC
);

-- Every raw author or trailer identity and the person it resolved to.
CREATE TABLE IF NOT EXISTS person_identities (
  raw_name VARCHAR,                   -- as the commit or trailer gave it (NULL: none)
  raw_email VARCHAR NOT NULL,         -- as the commit or trailer gave it
  person VARCHAR,                     -- canonical address, lower case; NULL when raw_email is empty
  mailmap_name VARCHAR,               -- the name the mailmap gives, if any
  decided_by VARCHAR                  -- the mailmap/alias lines applied ('file:line, file:line'), or NULL
);

-- Every GitHub reviewer login and pull-request author login, and the person it resolved to.
CREATE TABLE IF NOT EXISTS github_login_people (
  login VARCHAR NOT NULL,             -- lower case
  email VARCHAR NOT NULL,             -- the address before mailmap and aliases
  how VARCHAR NOT NULL,               -- 'logins' (a logins map line), 'commits' (github_login_emails), 'noreply'
  person VARCHAR NOT NULL,
  name VARCHAR,                       -- the GitHub profile name, if any
  mailmap_name VARCHAR,
  decided_by VARCHAR
);

-- Each person's organisation over time: spans [valid_from, valid_until) covering all time.
CREATE TABLE IF NOT EXISTS person_affiliations (
  person VARCHAR NOT NULL,
  valid_from TIMESTAMP,               -- NULL: since always
  valid_until TIMESTAMP,              -- NULL: still
  organisation VARCHAR NOT NULL,      -- 'Unknown' when no map covers the span
  map_key VARCHAR,                    -- the address or domain that matched; NULL for Unknown
  decided_by VARCHAR                  -- 'file:line' (or 'file (field)') of the deciding line; NULL for Unknown
);
