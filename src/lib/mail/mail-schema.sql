-- Tables rebuilt from the raw mail tables by every affiliation apply (src/lib/mail/apply-mail.ts),
-- after people are resolved: threads, series, changes, their merges and review tags, as DESIGN.md
-- (mailing lists) defines them. Never raw data; every statement is idempotent.

-- Every message and its place in the threads.
CREATE TABLE IF NOT EXISTS mail_threads (
  message_id VARCHAR PRIMARY KEY,
  parent_id VARCHAR,                  -- In-Reply-To when the archive holds it, else the last held References entry
  person VARCHAR,                     -- the sender after .mailmap and aliases; NULL when From has no address
  series_id VARCHAR,                  -- the series root (a patch) the message belongs to; NULL: none
  change_id VARCHAR,                  -- the change of that series; NULL: none
  is_review BOOLEAN NOT NULL          -- not a patch, in a series, from someone other than the change's sender
);

-- Changes: series roots with the same sender and subject text (ignoring case).
CREATE TABLE IF NOT EXISTS mail_changes (
  change_id VARCHAR PRIMARY KEY,      -- the Message-ID of its earliest series root
  person VARCHAR,                     -- its sender
  subject VARCHAR NOT NULL,           -- the subject text of its earliest root
  posted TIMESTAMP NOT NULL,          -- UTC: the earliest Date among its roots
  versions INTEGER NOT NULL,          -- distinct versions among its roots
  series INTEGER NOT NULL             -- its series roots
);

-- Counted commits with the subject text of one of a change's patches (cover letters aside) and
-- its sender as author: each merges it.
CREATE TABLE IF NOT EXISTS mail_change_commits (
  change_id VARCHAR NOT NULL,
  commit_id VARCHAR NOT NULL,
  committed TIMESTAMP NOT NULL        -- UTC: the commit's committer date
);

-- The repositories a change belongs to, for the repository filter: those holding a commit that
-- merged it, and those whose history touched a file one of its patches touches.
CREATE TABLE IF NOT EXISTS mail_change_repositories (
  change_id VARCHAR NOT NULL,
  repository VARCHAR NOT NULL
);

-- Review tags of reviews, credited to the person each names.
CREATE TABLE IF NOT EXISTS mail_review_tags (
  message_id VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  change_id VARCHAR NOT NULL,
  time TIMESTAMP NOT NULL,            -- UTC: the review's time
  person VARCHAR,                     -- the address the tag names, resolved; NULL when it names none
  person_name VARCHAR,
  organisation VARCHAR NOT NULL       -- 'Unknown' when no map covers the person at that time
);
