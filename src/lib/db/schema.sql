-- Barometer's database schema. Raw tables hold what the sources said, keyed by natural keys, so
-- collecting again inserts nothing twice. Every statement is idempotent. Documented column by
-- column in docs/schema.md; names are stable.

CREATE TABLE IF NOT EXISTS barometer_meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS repositories (
  name VARCHAR PRIMARY KEY,
  source VARCHAR NOT NULL,
  branch VARCHAR NOT NULL,
  head_commit_id VARCHAR,
  last_collected_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS commits (
  repository VARCHAR NOT NULL,
  commit_id VARCHAR NOT NULL,
  parent_count INTEGER NOT NULL,
  author_name VARCHAR NOT NULL,
  author_email VARCHAR NOT NULL,
  author_time TIMESTAMP NOT NULL,
  author_utc_offset_minutes SMALLINT NOT NULL,
  committer_name VARCHAR NOT NULL,
  committer_email VARCHAR NOT NULL,
  committer_time TIMESTAMP NOT NULL,
  committer_utc_offset_minutes SMALLINT NOT NULL,
  subject VARCHAR NOT NULL,
  parent_ids VARCHAR NOT NULL             -- the parents' ids in order, separated by one space ('' for a root)
);

-- Where each commit stands on its repository's branch (DESIGN.md, "as of D"): the position on the
-- branch's first-parent chain (the root is 1, the head the highest) of the chain commit that brought
-- it onto the branch, and whether it is that chain commit itself. Written with the head at the end
-- of each collect run, so it always describes the stored head.
CREATE TABLE IF NOT EXISTS branch_positions (
  repository VARCHAR NOT NULL,
  commit_id VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  first_parent BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS commit_files (
  repository VARCHAR NOT NULL,
  commit_id VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  old_path VARCHAR,
  lines_added INTEGER,
  lines_deleted INTEGER,
  is_binary BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS trailers (
  repository VARCHAR NOT NULL,
  commit_id VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  key VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  person_name VARCHAR,
  person_email VARCHAR,
  git_trailer BOOLEAN NOT NULL            -- git itself parses it (the last paragraph); else a tag paragraph's
);

CREATE TABLE IF NOT EXISTS collect_runs (
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  repository VARCHAR NOT NULL,
  head_commit_id VARCHAR,
  commits_added INTEGER NOT NULL,
  duration_seconds DOUBLE NOT NULL,
  engine VARCHAR NOT NULL,
  history_rewritten BOOLEAN NOT NULL DEFAULT false
);

-- Applied on top of the raw tables by `barometer affiliations apply` (and `collect`): one row per
-- counted commit (not a merge, reachable from its repository's branch; the same id in two
-- repositories once) or review (a Reviewed-by/Acked-by trailer of a counted commit, or a GitHub
-- review), with the person and organisation resolved from the affiliation maps.
CREATE TABLE IF NOT EXISTS contributions (
  kind VARCHAR NOT NULL,              -- 'commit' or 'review'
  source VARCHAR NOT NULL,            -- 'git' (a commit), 'trailer' (a review trailer), 'github' (a PR review)
  contribution_id VARCHAR NOT NULL,   -- commit id; commit id || ':' || trailer position; 'github:' || review id
  repository VARCHAR NOT NULL,        -- first configured repository (by name) holding the commit
  commit_id VARCHAR,                  -- the counted commit, or the commit a trailer review is on
  time TIMESTAMP NOT NULL,            -- UTC: the commit's author time, or the review's submission time
  landed TIMESTAMP,                   -- UTC: from when the commit counts "as of" a day (see docs/schema.md); a GitHub review's time
  person VARCHAR,                     -- canonical e-mail address (lower case); NULL when the source gave none
  person_name VARCHAR,
  organisation VARCHAR NOT NULL,      -- 'Unknown' when no map covers the person at that time
  PRIMARY KEY (contribution_id)
);

-- Whose work each review reviewed, derived with `contributions` (src/lib/identity/review-authors.ts):
-- one row per review in `contributions`, for the "who reviews whom" figures.
CREATE TABLE IF NOT EXISTS review_authors (
  contribution_id VARCHAR NOT NULL,   -- the review's contributions.contribution_id
  person VARCHAR,                     -- the author reviewed (canonical address); NULL when unknown
  organisation VARCHAR NOT NULL       -- the author's organisation at the review's time; 'Unknown'
);

-- The .mailmap file at each repository's mined head (empty when it has none), read by the identity
-- resolution together with the mailmaps a project config names.
CREATE TABLE IF NOT EXISTS repository_mailmaps (
  repository VARCHAR PRIMARY KEY,
  head_commit_id VARCHAR NOT NULL,
  content VARCHAR NOT NULL
);

-- GitHub (collectors/github): pull requests and reviews as the API gave them.
CREATE TABLE IF NOT EXISTS github_repositories (
  full_name VARCHAR PRIMARY KEY,          -- 'owner/name'
  api_url VARCHAR NOT NULL,
  pulls_synced_until TIMESTAMP,           -- pull requests updated before this are all stored
  last_collected_at TIMESTAMP,
  status VARCHAR NOT NULL DEFAULT 'ok'    -- 'ok', 'not-found', 'forbidden'
);

CREATE TABLE IF NOT EXISTS github_pull_requests (
  repository VARCHAR NOT NULL,            -- 'owner/name'
  number INTEGER NOT NULL,
  author_login VARCHAR,
  state VARCHAR NOT NULL,                 -- 'open' or 'closed'
  title VARCHAR NOT NULL,
  base_branch VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  merged_at TIMESTAMP,
  closed_at TIMESTAMP,
  additions INTEGER,
  deletions INTEGER,
  review_comments INTEGER,
  PRIMARY KEY (repository, number)
);

CREATE TABLE IF NOT EXISTS github_reviews (
  review_id BIGINT PRIMARY KEY,
  repository VARCHAR NOT NULL,
  pull_number INTEGER NOT NULL,
  reviewer_login VARCHAR,
  state VARCHAR NOT NULL,                 -- 'APPROVED', 'COMMENTED', 'CHANGES_REQUESTED', 'DISMISSED', 'PENDING'
  submitted_at TIMESTAMP
);

-- The commits of each pull request as GitHub lists them (at most 250 per pull request): the
-- commit's author login (NULL when the address belongs to no account) and author e-mail.
CREATE TABLE IF NOT EXISTS github_pull_commits (
  repository VARCHAR NOT NULL,            -- 'owner/name'
  pull_number INTEGER NOT NULL,
  commit_id VARCHAR NOT NULL,
  author_login VARCHAR,
  author_email VARCHAR NOT NULL,
  PRIMARY KEY (repository, pull_number, commit_id)
);

-- Logins seen with an e-mail address: the author of a pull request's commits, as the API gave both.
-- Kept by the collector from github_pull_commits: email lower-cased and trimmed, commits = distinct
-- commit ids of pull requests with that author login and address.
CREATE TABLE IF NOT EXISTS github_login_emails (
  login VARCHAR NOT NULL,
  email VARCHAR NOT NULL,
  commits INTEGER NOT NULL,
  PRIMARY KEY (login, email)
);

-- Profile fields, shown only as hints by `affiliations unknown`, never used to map silently.
CREATE TABLE IF NOT EXISTS github_users (
  login VARCHAR PRIMARY KEY,
  name VARCHAR,
  company VARCHAR
);

-- Areas (docs/areas.md): the MAINTAINERS-format file a project config names (`"areas": {"from":
-- FILE}`), as read at each repository's mined head ('' when the head has none).
CREATE TABLE IF NOT EXISTS repository_maintainers (
  repository VARCHAR PRIMARY KEY,
  head_commit_id VARCHAR NOT NULL,
  path VARCHAR NOT NULL,                  -- the file's path in the repository
  content VARCHAR NOT NULL
);

-- Derived at the end of each collect from the areas of the project config (or the stored
-- MAINTAINERS, or the top-level folders): one row per area covering a path seen in commit_files,
-- in a code-size file list or in a list's patches. A path no area covers has no row.
CREATE TABLE IF NOT EXISTS path_areas (
  repository VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  area VARCHAR NOT NULL
);

-- Sub-projects (docs/definitions.md): the project config's "subprojects", rebuilt by each collect
-- of a config (a collect without one keeps them): one row per sub-project, pattern and repository
-- or list it matches among those the database holds; a pattern that matches nothing has one row
-- with kind and name NULL.
CREATE TABLE IF NOT EXISTS subprojects (
  subproject VARCHAR NOT NULL,
  position INTEGER NOT NULL,              -- the sub-project's place in the config, from 0
  pattern VARCHAR NOT NULL,               -- a repository or list name, or a glob of `*` and `?`
  pattern_position INTEGER NOT NULL,      -- the pattern's place in its sub-project's list, from 0
  kind VARCHAR,                           -- 'repository' or 'list'; NULL when nothing matches
  name VARCHAR                            -- the repository or list matched
);

-- Derived with path_areas: one row per area a commit is in (an area covering a file it changed,
-- as its new or its old path, in the first repository by name holding it), so narrowing to an
-- area is one join, with the lines it changed there.
CREATE TABLE IF NOT EXISTS commit_areas (
  commit_id VARCHAR NOT NULL,
  area VARCHAR NOT NULL,
  lines_added INTEGER NOT NULL,       -- lines added to the area's files (by their new path; binary files none)
  lines_deleted INTEGER NOT NULL      -- lines deleted from them
);

-- Code size (docs/code-size.md): the points of history counted, each a commit.
CREATE TABLE IF NOT EXISTS code_size_points (
  repository VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,                  -- 'tag', 'year' or 'quarter'
  point VARCHAR NOT NULL,                 -- the tag's name, or the period: '2018', '2018-Q2'
  commit_id VARCHAR NOT NULL,
  time TIMESTAMP NOT NULL,                -- the commit's committer time (UTC)
  PRIMARY KEY (repository, kind, point)
);

-- The files of each counted commit's tree (regular files; only those of codeSize.files when set).
CREATE TABLE IF NOT EXISTS code_size_files (
  repository VARCHAR NOT NULL,
  commit_id VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  blob_id VARCHAR NOT NULL,
  path_language VARCHAR NOT NULL          -- the language the path names; '' when the first line decides
);

-- Lines of each blob, counted once whatever the number of points holding it.
CREATE TABLE IF NOT EXISTS code_size_blobs (
  blob_id VARCHAR NOT NULL,
  path_language VARCHAR NOT NULL,         -- as in code_size_files: the two are the key
  language VARCHAR NOT NULL,              -- the language counted as; 'Binary' is not counted
  code INTEGER NOT NULL,
  comment INTEGER NOT NULL,
  blank INTEGER NOT NULL,
  PRIMARY KEY (blob_id, path_language)
);

-- The code-line targets of the project config's codeSize.targets, as the last collect read them.
CREATE TABLE IF NOT EXISTS code_size_targets (
  area VARCHAR PRIMARY KEY,
  code INTEGER NOT NULL
);

-- Derived after the areas (collect): each counted commit's files and lines per area and language
-- (area NULL: every counted file), from code_size_files, code_size_blobs and path_areas. Binary
-- and empty files are not counted.
CREATE TABLE IF NOT EXISTS code_size_totals (
  repository VARCHAR NOT NULL,
  commit_id VARCHAR NOT NULL,
  area VARCHAR,
  language VARCHAR NOT NULL,
  files INTEGER NOT NULL,
  code INTEGER NOT NULL,
  comment INTEGER NOT NULL,
  blank INTEGER NOT NULL
);

-- Mailing lists (collectors/mail): messages as the archives gave them. A message is known by its
-- Message-ID; the first copy read is kept, later ones only add the list they came by.

-- Where each archive (a public-inbox epoch or an mbox file) was read up to.
CREATE TABLE IF NOT EXISTS mail_sources (
  list VARCHAR NOT NULL,                  -- the configured list name
  source VARCHAR NOT NULL,                -- the path or URL as configured
  epoch VARCHAR NOT NULL,                 -- '' for an epoch or mbox given alone; 'git/0.git', … inside a v2 inbox
  kind VARCHAR NOT NULL,                  -- 'public-inbox' or 'mbox'
  last_commit_id VARCHAR,                 -- public-inbox: the last epoch commit read
  bytes_read BIGINT,                      -- mbox: bytes read (always at a message's start)
  last_collected_at TIMESTAMP,
  PRIMARY KEY (list, source, epoch)
);

CREATE TABLE IF NOT EXISTS messages (
  message_id VARCHAR PRIMARY KEY,         -- Message-ID without <>
  list VARCHAR NOT NULL,                  -- the list it was first read from
  blob_id VARCHAR,                        -- public-inbox: the blob holding it; NULL from an mbox
  from_name VARCHAR,
  from_email VARCHAR,                     -- as written (case kept), the author's when From is the list's own; NULL: none
  time TIMESTAMP NOT NULL,                -- UTC: the Date header, or the archive's time when unreadable
  time_from_archive BOOLEAN NOT NULL,     -- true when `time` is the archive's, not the Date header's
  subject VARCHAR NOT NULL,               -- decoded (RFC 2047), runs of white space collapsed
  in_reply_to VARCHAR,                    -- the first Message-ID of In-Reply-To, without <>
  is_patch BOOLEAN NOT NULL,
  patch_version INTEGER,                  -- patches: N of vN (1 when not given)
  patch_number INTEGER,                   -- patches: n of n/m (1 when not given; 0: cover letter)
  patch_total INTEGER,                    -- patches: m of n/m (1 when not given)
  patch_subject VARCHAR,                  -- patches: the subject text after the bracket groups
  bytes INTEGER NOT NULL                  -- size of the raw message
);

-- The Message-IDs of each message's References header, in order.
CREATE TABLE IF NOT EXISTS message_references (
  message_id VARCHAR NOT NULL,
  position INTEGER NOT NULL,              -- from 1
  referenced_id VARCHAR NOT NULL
);

-- Every list a message was read from (a cross-post has several).
CREATE TABLE IF NOT EXISTS message_lists (
  message_id VARCHAR NOT NULL,
  list VARCHAR NOT NULL,
  PRIMARY KEY (message_id, list)
);

-- The files a patch touches: both paths of each `diff --git a/X b/Y` line, once each.
CREATE TABLE IF NOT EXISTS message_files (
  message_id VARCHAR NOT NULL,
  path VARCHAR NOT NULL
);

-- Lines of a message's text that start at the first column with `Reviewed-by:` or `Acked-by:`.
CREATE TABLE IF NOT EXISTS message_tags (
  message_id VARCHAR NOT NULL,
  position INTEGER NOT NULL,              -- the line's number in the text, from 1
  key VARCHAR NOT NULL,                   -- as written, e.g. 'Reviewed-by'
  value VARCHAR NOT NULL,
  person_name VARCHAR,
  person_email VARCHAR                    -- the address the tag names; NULL when none
);

-- One row per archive read by a run, with what it skipped or could not read.
CREATE TABLE IF NOT EXISTS mail_collect_runs (
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  list VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  epoch VARCHAR NOT NULL,
  engine VARCHAR NOT NULL,                -- 'git-cli', 'isomorphic-git', 'mbox' or 'none' (nothing new)
  messages_read INTEGER NOT NULL,         -- archive entries read, removals included
  messages_added INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,            -- a Message-ID already stored (cross-posts, repeats)
  removed INTEGER NOT NULL,               -- messages the archive removed
  no_message_id INTEGER NOT NULL,         -- skipped: no Message-ID
  unreadable_date INTEGER NOT NULL,       -- kept at the archive's time
  broken_mime INTEGER NOT NULL,           -- kept with what could be read
  unknown_charset INTEGER NOT NULL,       -- kept, decoded as windows-1252
  huge INTEGER NOT NULL,                  -- kept, headers only (over the size limit)
  duration_seconds DOUBLE NOT NULL
);

-- Derived from the raw mail tables by every affiliation apply (src/lib/mail/apply-mail.ts), after
-- people are resolved: threads, series, changes, their merges and review tags, as DESIGN.md
-- (mailing lists) defines them. Rebuilt whole each time, like `contributions`.

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
  committed TIMESTAMP NOT NULL,       -- UTC: the commit's committer date
  landed TIMESTAMP                    -- UTC: from when the commit was on its branch (contributions.landed)
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
